/**
 * A WeChat ID (微信号) as a user may give it for a WeChat bill's own account: one the user chose
 * (6–20 characters, a letter first, then letters, digits, _ or -), one WeChat gave
 * (wxid_ and letters or digits), or an older account's QQ number (5–11 digits, no leading 0)
 * or mobile number, which WeChat kept as the ID. Spaces are not part of it (they are dropped
 * as the own account is read). Shared by the import's check in core and the wizard's field.
 */
export function isWeChatId(text: string): boolean {
  const id = text.replace(/\s+/g, '');
  return (
    /^wxid_[A-Za-z0-9_-]{1,40}$/i.test(id) ||
    /^[A-Za-z][A-Za-z0-9_-]{5,19}$/.test(id) ||
    /^[1-9]\d{4,10}$/.test(id)
  );
}
