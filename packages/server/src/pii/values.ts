/**
 * Personal numbers as stored: ciphertext (AES-256-GCM), the masked form for lists, and a blind index
 * (HMAC-SHA256 of the normalised value) for exact search. Nothing here keeps a clear value.
 */
import { maskIdNumber, maskPhone } from "@kuanyan/domain/codes";
import { blindIndex, blindIndexWith, decryptValue, encryptValue, type Keyring } from "./keyring";

/** Digits only; "+86 138-0598-1234", "138 0598 1234" and "13805981234" are one number. */
export function normalisePhone(input: string): string | null {
  let d = input.normalize("NFKC").replace(/\D/g, "");
  if (d.startsWith("0086")) d = d.slice(4);
  else if (d.length === 13 && d.startsWith("861")) d = d.slice(2);
  return d.length >= 7 && d.length <= 20 ? d : null;
}

/** "35040219900101123x" and "35040219900101123X" are one number. */
export function normaliseIdNumber(input: string): string | null {
  const v = input.normalize("NFKC").replace(/\s/g, "").toUpperCase();
  return /^\d{17}[\dX]$/.test(v) || /^\d{15}$/.test(v) ? v : null;
}

export function phoneIndex(phone: string, k?: Keyring): string | null {
  const n = normalisePhone(phone);
  if (!n) return null;
  return k ? blindIndexWith(k, "phone", n) : blindIndex("phone", n);
}

export function idNumberIndex(idNumber: string, k?: Keyring): string | null {
  const n = normaliseIdNumber(idNumber);
  if (!n) return null;
  return k ? blindIndexWith(k, "id_number", n) : blindIndex("id_number", n);
}

/** The columns of a case party's phone (all null when there is none). */
export function partyPhoneColumns(phone: string | null | undefined) {
  const p = phone?.trim();
  if (!p) return { partyPhoneEnc: null, partyPhoneMasked: null, partyPhoneBidx: null };
  return { partyPhoneEnc: encryptValue(p), partyPhoneMasked: maskPhone(p), partyPhoneBidx: phoneIndex(p) };
}

/** The columns of a user's phone; undefined leaves them as they are (a PATCH without a phone). */
export function userPhoneColumns(phone: string | null | undefined) {
  if (phone === undefined) return {};
  const p = phone?.trim();
  if (!p) return { phoneEnc: null, phoneMasked: null };
  return { phoneEnc: encryptValue(p), phoneMasked: maskPhone(p) };
}

/**
 * The phone of a 回访 (follow-up) form as kept in the task's result: masked, with the number encrypted
 * beside it ("phoneEnc"); the audit trail and the written record get the masked one only.
 */
export function followUpPhoneFields(phone: string | null | undefined): { phone?: string; phoneEnc?: string } {
  const p = phone?.trim();
  if (!p) return {};
  return { phone: maskPhone(p), phoneEnc: encryptValue(p) };
}

/** The ID-number columns of an individual party. */
export function partyIdNumberColumns(idNumber: string | null) {
  if (!idNumber) return { partyIdNumberEnc: null, partyIdNumberMasked: null, partyIdNumberBidx: null };
  return { partyIdNumberEnc: encryptValue(idNumber), partyIdNumberMasked: maskIdNumber(idNumber), partyIdNumberBidx: idNumberIndex(idNumber) };
}

/** The full phone where it is shown today (case file, documents); the masked one if it cannot be read. */
export function revealPhone(enc: string | null, masked: string | null): string | null {
  if (!enc) return masked;
  try {
    return decryptValue(enc);
  } catch {
    return masked;
  }
}

/** The blind indexes a free-text search term stands for: a phone or an ID number typed whole. */
export function searchIndexes(q: string): { phone: string | null; idNumber: string | null } {
  const t = q.normalize("NFKC").trim();
  const phone = /^[\d\s\-+()]+$/.test(t) ? phoneIndex(t) : null;
  const idNumber = idNumberIndex(t);
  return { phone, idNumber };
}
