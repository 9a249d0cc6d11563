import { notFound } from '../errors';

/**
 * An entry changed, enabled, disabled or deleted from a list that still shows it, after another
 * admin deleted it: say what most likely happened and what to do, rather than an id not found.
 */
export const goneEntry = (noun: '词条' | '规则') => notFound(`该${noun}已不存在（可能已被其他管理员删除），请刷新列表`);
