/**
 * Validators and masking for the codes the enforcement records carry. Each validator returns the
 * normalised value, or a Chinese reason that a form can show as it is.
 */
export {
  validateUnifiedSocialCreditCode,
  validateIdNumber,
  validateRegionCode,
  validatePhone,
  validateLicenceNo,
  type CodeCheck,
  type IdNumberCheck,
} from "./validators";
export { maskIdNumber, maskPhone, maskName } from "./mask";
