import { Publication } from '../models';
import { PUBLICATION_KIND_LABELS } from '../models/Publication';

export function presentPublication(publication: Publication, extra: { title?: string; accountName?: string } = {}) {
  return {
    id: publication.id,
    draftId: publication.draftId,
    revision: publication.revision,
    title: extra.title,
    accountId: publication.accountId,
    accountName: extra.accountName,
    unitId: publication.unitId,
    kind: publication.kind,
    kindLabel: PUBLICATION_KIND_LABELS[publication.kind],
    publishedAt: publication.publishedAt,
    url: publication.url,
    textChecked: Boolean(publication.textChecked),
    recordedBy: publication.recordedBy,
    createdAt: publication.createdAt,
  };
}
