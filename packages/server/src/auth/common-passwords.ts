/**
 * Passwords too common to allow (compared case-insensitively), drawn from published lists of the most
 * used and leaked passwords, with the patterns common on Chinese systems (admin@123, 1qaz@WSX, Aa123456 …).
 * Many of them already fail the length or class rules; they are listed so that the message names the
 * real reason, and so that a later relaxation of the class rule does not let them in.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  "12345678", "123456789", "1234567890", "87654321", "11111111", "88888888", "66666666", "00000000",
  "12341234", "11223344", "1qaz2wsx", "1q2w3e4r", "1q2w3e4r5t", "qwertyui", "qwer1234", "qwe123456",
  "asdf1234", "zxcv1234", "zxcvbnm1", "abcd1234", "abc12345", "abc123456", "a1234567", "a12345678",
  "aa123456", "aa112233", "qq123456", "woaini1314", "woaini520", "iloveyou1", "5201314520",
  "password", "password1", "password12", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "p@55w0rd",
  "password@1", "password@123", "password!", "password1!", "passw0rd!", "passw0rd@123",
  "admin123", "admin1234", "admin12345", "admin@123", "admin@1234", "admin#123", "admin!123", "admin_123",
  "administrator", "administrator1", "administrator@123", "root1234", "root@123", "root@1234",
  "test1234", "test@123", "test@1234", "user@123", "guest@123", "system@123", "welcome1", "welcome@123",
  "welcome123", "changeme1", "changeme123", "letmein1", "sunshine1", "princess1", "football1",
  "baseball1", "superman1", "trustno1", "monkey123", "dragon123", "qwerty123", "qwerty@123",
  "qwertyuiop", "1qaz@wsx", "1qaz!qaz", "1qaz@wsx3edc", "!qaz2wsx", "!qaz@wsx", "zaq12wsx", "zaq1@wsx",
  "qaz123456", "abc@1234", "abc@123456", "abcd@1234", "aa@123456", "aa123456@", "a123456@",
  "huawei@123", "huawei123", "huawei12#$", "sangfor@123", "h3c@123", "cisco123", "cisco@123",
  "oracle123", "oracle@123", "mysql@123", "postgres1", "postgres@123", "server@123", "database1",
  "kuanyan123", "kuanyan@123", "kuanyan1", "zhifa@123", "zhifa123", "gov@1234", "china@123", "china123",
  "beijing@123", "beijing123", "shanghai123", "a1b2c3d4", "a1b2c3d4e5", "1a2b3c4d",
];

const set = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return set.has(password.toLowerCase());
}
