import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest } from '../errors';
import { AccountQrCode, User } from '../models';
import { editableAccount } from '../registry/editableAccount';
import { sequelize } from '../storage/database';

const MAX_BYTES = 256 * 1024;
const DATA_URL = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/]+={0,2})$/;

/** The image's own first bytes must agree with the type it claims (PNG or JPEG only). */
function decodeImage(dataUrl: string): { contentType: string; image: Buffer } {
  const match = DATA_URL.exec(dataUrl.trim());
  if (!match) throw badRequest('二维码（image）：须为 data:image/png;base64,… 或 data:image/jpeg;base64,… 格式');
  const image = Buffer.from(match[2]!, 'base64');
  if (image.length > MAX_BYTES) throw badRequest('二维码图片不能超过 256 KB');
  const png = image.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = image[0] === 0xff && image[1] === 0xd8 && image[2] === 0xff;
  if ((match[1] === 'image/png' && !png) || (match[1] === 'image/jpeg' && !jpeg)) throw badRequest('二维码图片内容与声明的格式不符');
  return { contentType: match[1]!, image };
}

/** Sets (or, with null, removes) the QR code image of an account. */
export async function accountQrCodeSetter(user: User, accountId: number, dataUrl: string | null, actor: AuditActor): Promise<void> {
  const decoded = dataUrl === null ? null : decodeImage(dataUrl);
  await sequelize().transaction(async (transaction) => {
    await editableAccount(user, accountId, transaction);
    if (decoded) await AccountQrCode.upsert({ accountId, ...decoded, updatedAt: new Date() }, { transaction });
    else await AccountQrCode.destroy({ where: { accountId }, transaction });
    await recordAudit(actor, { eventType: 'account.qr_code', objectType: 'account', objectId: accountId, outcome: 'success', detail: { removed: !decoded, bytes: decoded?.image.length ?? 0 } }, transaction);
  });
}
