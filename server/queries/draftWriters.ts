import { Transaction } from 'sequelize';
import { Revision } from '../models';

/**
 * Everyone who wrote a revision of the draft: its author, and any editor who revised it in the
 * author's stead. None of them may review it (the revisions_draft_number index finds them).
 */
export async function draftWriterIds(draftId: number, transaction?: Transaction): Promise<number[]> {
  const revisions = await Revision.findAll({ where: { draftId }, attributes: ['authorId'], transaction });
  return [...new Set(revisions.map((revision) => revision.authorId))];
}
