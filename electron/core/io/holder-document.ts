import { isCreditCode } from '../../api/domain/credit-code';
import {
  parseIdentityDocument,
  type IdentityDocumentType,
} from '../../api/domain/identity-documents';
import { normaliseResidentId } from '../../api/domain/resident-id';

/**
 * The document a bank names an account holder by (交易方证件号码, 对手身份证号): a person's
 * identity document or a company's credit code, checked, so the account can be tied to its
 * holder.
 */
type HolderDocument =
  | {
      kind: 'person';
      type: IdentityDocumentType;
      number: string;
      birthDate: string | null;
      gender: 'male' | 'female' | null;
      /** The 6-digit region of a 居民身份证 (户籍地). */
      regionCode: string | null;
      /**
       * Written in the 15 digits of the first generation, which carry no check digit: an old
       * business registration number can pass for one, so it finds a person, never makes one.
       */
      fifteenDigits: boolean;
    }
  | { kind: 'organisation'; number: string };

/** Documents an account holder is told by from its number alone, in the order tried. */
const personDocuments = [
  'resident_id',
  'hmt_residence_permit',
  'foreign_permanent_residence',
] as const satisfies readonly IdentityDocumentType[];

/**
 * A 居民身份证 (a 15-digit one upgraded), 港澳台居民居住证 or 永居证 number whose check digit
 * and birth date hold, else a 统一社会信用代码 whose check character holds; null for anything
 * else (a passport or permit number cannot be told from its digits alone, a mistyped number
 * would tie the account to a stranger).
 */
export function holderDocumentOf(text: string, today: Date = new Date()): HolderDocument | null {
  const value = normaliseResidentId(text);
  for (const type of personDocuments) {
    const parsed = parseIdentityDocument(type, value, today);
    if (parsed.ok) {
      const { normalised, birthDate, gender, regionCode, upgradedFrom } = parsed.value;
      return {
        kind: 'person',
        type,
        number: normalised,
        birthDate,
        gender,
        regionCode,
        fifteenDigits: upgradedFrom !== null,
      };
    }
  }
  return isCreditCode(value) ? { kind: 'organisation', number: value } : null;
}
