/**
 * Passwords that meet the character rules yet are among the first ones guessed: a common word, name
 * or keyboard run with capitals, digits and symbols put around it (Password1, P@ssw0rd!, Admin@123,
 * Qwer1234, Woaini520!). Written by the project and short on purpose: it is compared with what is
 * left of a password once the digits and symbols at its ends are taken off and look-alike digits
 * and symbols inside are read as letters.
 */
const COMMON_CORES = new Set([
  'password', 'passwd', 'pass', 'pwd', 'admin', 'administrator', 'root', 'system', 'sysadmin', 'user', 'guest', 'test',
  'login', 'welcome', 'letmein', 'changeme', 'default', 'secret', 'master', 'hello', 'iloveyou', 'woaini', 'china', 'beijing',
  'qwerty', 'qwer', 'qwert', 'qwertyuiop', 'asdf', 'asdfgh', 'asdfghjkl', 'zxcv', 'zxcvbn', 'zxcvbnm', 'qaz', 'qazwsx',
  'abc', 'abcd', 'abcde', 'abcdef', 'abcdefg', 'abcdefgh', 'aaa', 'aaaa', 'aaaaaa',
]);

const LOOK_ALIKES: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i' };

/** What is left to guess once the decoration is off: 'P@ssw0rd!' → 'password', 'Admin@123' → 'admin'. */
function guessableCore(password: string): string {
  const bare = password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');
  return [...bare].map((char) => LOOK_ALIKES[char] ?? char).join('');
}

/** Whether a password is a common one dressed up, or no more than two letters among digits and symbols. */
export function isCommonPassword(password: string): boolean {
  const core = guessableCore(password);
  return core.length <= 2 || COMMON_CORES.has(core);
}
