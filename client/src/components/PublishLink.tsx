import { Link } from 'react-router';
import { get, queryString } from '../lib/api';
import type { Draft, Paged, Publication } from '../lib/types';
import { useFetch } from '../lib/useFetch';

/**
 * The way to 登记发布 from a draft's page. It is the page's main action while there is something to
 * record: an approved draft, or a published one with a target account not yet recorded. Once every
 * target account has its record it only leads to the records (发布记录), not as a call to act.
 */
export function PublishLink({ draft }: { draft: Draft }) {
  const published = draft.status === 'published';
  const records = useFetch(
    () => (published ? get<Paged<Publication>>(`/api/publications${queryString({ draftId: draft.id, pageSize: 200 })}`) : Promise.resolve(null)),
    [draft.id, published, draft.revision],
  );
  if (draft.status !== 'approved' && !published) return null;
  const recorded = new Set((records.data?.items ?? []).map((record) => record.accountId));
  const allRecorded = published && draft.accountIds.length > 0 && records.data !== null && draft.accountIds.every((id) => recorded.has(id));
  return allRecorded ? (
    <Link className="button" to={`/drafts/${draft.id}/publish`}>
      发布记录
    </Link>
  ) : (
    <Link className="button primary" to={`/drafts/${draft.id}/publish`}>
      登记发布
    </Link>
  );
}
