package dev.genaiagent.telemetry.redaction;

import static dev.genaiagent.telemetry.redaction.Chars.isAlnum;
import static dev.genaiagent.telemetry.redaction.Chars.isDigit;
import static dev.genaiagent.telemetry.redaction.Chars.isLetter;
import static dev.genaiagent.telemetry.redaction.Chars.isWordChar;

/**
 * The {@code secret} detector: credentials of well-known formats (each anchored by its prefix), the
 * token after {@code Bearer}, PEM private key blocks, and values assigned to credential-named keys
 * ({@code api_key=…}, {@code "password": "…"}, {@code client_secret: …}).
 */
final class Secrets {
  private static final int KIND = Detector.SECRET.ordinal();

  private static final int ALNUM = 0;
  private static final int ALNUM_UNDERSCORE = 1;
  private static final int ALNUM_DASH = 2;
  private static final int URL_SAFE = 3; // base64url: letters, digits, - and _

  /** Normalized (lower case, no separators) key suffixes whose values are credentials. */
  private static final String[] SECRET_KEYS = {
    "password", "passwd", "passphrase", "secret", "apikey", "accesskey", "secretkey", "privatekey"
  };
  /** Keys ending in "token" hold credentials too, but also short page cursors: values need 8+ characters. */
  private static final String TOKEN_KEY = "token";
  private static final int MAX_KEY = 64;
  private static final String[] LITERALS = {"null", "true", "false", "none", "undefined", "nil", "redacted"};
  private static final int MAX_VALUE = 4096;

  /**
   * Whether a credential prefix or {@code Bearer} can start with {@code c} then {@code d} (sk, rk, gh,
   * gi, xo, AK, AS, AI, Be, be): most words are rejected here.
   */
  static boolean mayStartToken(char c, char d) {
    switch (c) {
      case 's':
      case 'r':
        return d == 'k';
      case 'g':
        return d == 'h' || d == 'i';
      case 'x':
        return d == 'o';
      case 'A':
        return d == 'K' || d == 'S' || d == 'I';
      case 'B':
      case 'b':
        return d == 'e' || d == 'E';
      default:
        return false;
    }
  }

  /** At a word start {@code i}: a prefixed credential or a bearer token; returns its end, or -1. */
  static int atWord(String s, int i, Findings out) {
    switch (s.charAt(i)) {
      case 's':
        if (s.startsWith("sk-", i)) { // OpenAI sk-…, sk-proj-…; Anthropic sk-ant-…
          return token(s, i, i + 3, 20, URL_SAFE, true, out);
        }
        if (s.startsWith("sk_live_", i) || s.startsWith("sk_test_", i)) { // Stripe
          return token(s, i, i + 8, 16, ALNUM, false, out);
        }
        return -1;
      case 'r':
        if (s.startsWith("rk_live_", i) || s.startsWith("rk_test_", i)) { // Stripe restricted keys
          return token(s, i, i + 8, 16, ALNUM, false, out);
        }
        return -1;
      case 'g':
        if (i + 3 < s.length() && s.charAt(i + 1) == 'h' && s.charAt(i + 3) == '_' && "pousr".indexOf(s.charAt(i + 2)) >= 0) {
          return token(s, i, i + 4, 30, ALNUM, false, out); // GitHub ghp_ gho_ ghu_ ghs_ ghr_
        }
        if (s.startsWith("github_pat_", i)) {
          return token(s, i, i + 11, 30, ALNUM_UNDERSCORE, false, out);
        }
        return -1;
      case 'x':
        if (s.startsWith("xox", i) && i + 4 < s.length() && "abprs".indexOf(s.charAt(i + 3)) >= 0 && s.charAt(i + 4) == '-') {
          return token(s, i, i + 5, 10, ALNUM_DASH, false, out); // Slack
        }
        return -1;
      case 'A':
        if (s.startsWith("AKIA", i) || s.startsWith("ASIA", i)) {
          return awsAccessKeyId(s, i, out);
        }
        if (s.startsWith("AIza", i)) { // Google API key
          return token(s, i, i + 4, 35, URL_SAFE, false, out);
        }
        return -1;
      case 'B':
      case 'b':
        return i + 1 < s.length() && (s.charAt(i + 1) | 0x20) == 'e' ? bearer(s, i, out) : -1;
      default:
        return -1;
    }
  }

  private static boolean inSet(char c, int set) {
    switch (set) {
      case ALNUM:
        return isAlnum(c);
      case ALNUM_UNDERSCORE:
        return isWordChar(c);
      case ALNUM_DASH:
        return isAlnum(c) || c == '-';
      default:
        return isWordChar(c) || c == '-';
    }
  }

  private static int token(String s, int start, int body, int minLength, int set, boolean mixed, Findings out) {
    int n = s.length();
    int p = body;
    boolean digit = false;
    boolean letter = false;
    while (p < n && inSet(s.charAt(p), set)) {
      char c = s.charAt(p);
      digit |= isDigit(c);
      letter |= isLetter(c);
      p++;
    }
    // sk-learn-style words are not keys: real keys are long and mix letters and digits
    if (p - body < minLength || (p < n && isWordChar(s.charAt(p))) || (mixed && !(digit && letter))) {
      return -1;
    }
    out.add(start, p, KIND);
    return p;
  }

  private static int awsAccessKeyId(String s, int i, Findings out) {
    int end = i + 20;
    if (end > s.length() || (end < s.length() && isWordChar(s.charAt(end)))) {
      return -1;
    }
    for (int p = i + 4; p < end; p++) {
      char c = s.charAt(p);
      if (!isDigit(c) && !(c >= 'A' && c <= 'Z')) {
        return -1;
      }
    }
    out.add(i, end, KIND);
    return end;
  }

  /** {@code Bearer <token>}: the word stays, the token (16+ characters, RFC 6750 token68) goes. */
  private static int bearer(String s, int i, Findings out) {
    int n = s.length();
    if (!s.regionMatches(true, i, "bearer", 0, 6)) {
      return -1;
    }
    int p = i + 6;
    int spaces = 0;
    while (p < n && (s.charAt(p) == ' ' || s.charAt(p) == '\t') && spaces < 4) {
      p++;
      spaces++;
    }
    if (spaces == 0) {
      return -1;
    }
    int start = p;
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    while (p < n) {
      char c = s.charAt(p);
      if (!isAlnum(c) && "-._~+/=".indexOf(c) < 0) {
        break;
      }
      digit |= isDigit(c);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      p++;
    }
    while (p > start && s.charAt(p - 1) == '.') {
      p--; // the end of a sentence
    }
    int length = p - start;
    // "Bearer tokens are…" is prose: a token is long and random-looking
    if (length < 16 || !(digit || (upper && lower && length >= 20))) {
      return -1;
    }
    out.add(start, p, KIND);
    return p;
  }

  /** Where the last search for an END line led, so many BEGIN lines do not each search the rest of the text. */
  static final class PemEnds {
    private int searchedFrom = Integer.MAX_VALUE;
    private int found = -1;

    int next(String s, int from) {
      if (from >= searchedFrom && (found < 0 || from <= found)) {
        return found;
      }
      searchedFrom = from;
      found = s.indexOf("-----END ", from);
      return found;
    }
  }

  /**
   * {@code -----BEGIN … PRIVATE KEY-----} through its END line. Without an END line (a cut text) the
   * key runs to the end of the text, or of the JSON string it sits in.
   */
  static int pem(String s, int i, Findings out, PemEnds ends) {
    if (!s.startsWith("-----BEGIN ", i)) {
      return -1;
    }
    int n = s.length();
    int label = i + 11;
    int close = dashes(s, label, Math.min(n, label + 64));
    if (close < 0 || indexOf(s, "PRIVATE KEY", label, close) < 0) {
      return -1; // certificates and public keys are not secrets
    }
    int body = close + 5;
    int endLine = ends.next(s, body);
    int limit = endLine < 0 ? n : endLine;
    int stop = -1;
    for (int p = body; p < limit; p++) {
      if (s.charAt(p) == '"') { // the JSON string holding the key ended before any END line
        stop = p > body && s.charAt(p - 1) == '\\' ? p - 1 : p;
        break;
      }
    }
    if (stop < 0) {
      if (endLine < 0) {
        stop = n;
      } else {
        int endClose = dashes(s, endLine + 9, Math.min(n, endLine + 9 + 64));
        stop = endClose < 0 ? endLine + 9 : endClose + 5;
      }
    }
    out.add(i, stop, KIND);
    return stop;
  }

  private static int dashes(String s, int from, int to) {
    for (int p = from; p + 5 <= to; p++) {
      if (s.charAt(p) == '-' && s.startsWith("-----", p)) {
        return p;
      }
    }
    return -1;
  }

  private static int indexOf(String s, String what, int from, int to) {
    for (int p = from; p + what.length() <= to; p++) {
      if (s.startsWith(what, p)) {
        return p;
      }
    }
    return -1;
  }

  /**
   * At {@code =} or {@code :}: when the key before it names a credential, the value after it (inside its
   * quotes, which stay) is a secret. Handles {@code key=value}, {@code key: value}, {@code "key": "value"},
   * {@code 'key' => 'value'}, and JSON inside a JSON string ({@code \"key\":\"value\"}).
   */
  static int assignment(String s, int i, Findings out) {
    int n = s.length();
    char op = s.charAt(i);
    int v = i + 1;
    if (op == '=') {
      if (v < n && s.charAt(v) == '=') {
        return -1;
      }
      if (v < n && s.charAt(v) == '>') {
        v++;
      }
    } else if (v < n && s.charAt(v) == ':') {
      return -1;
    }
    int k = i - 1;
    while (k >= 0 && i - k <= 3 && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
      k--;
    }
    char quote = 0;
    boolean escapedQuote = false;
    if (k >= 0 && (s.charAt(k) == '"' || s.charAt(k) == '\'')) {
      quote = s.charAt(k--);
      if (k >= 0 && s.charAt(k) == '\\') {
        escapedQuote = true;
        k--;
      }
    }
    int keyEnd = k + 1;
    while (k >= 0 && keyEnd - k <= MAX_KEY && (isWordChar(s.charAt(k)) || s.charAt(k) == '-' || s.charAt(k) == '.')) {
      k--;
    }
    int keyStart = k + 1;
    if (keyStart == keyEnd) {
      return -1;
    }
    if (quote != 0 && (k < 0 || s.charAt(k) != quote || (escapedQuote && (k < 1 || s.charAt(k - 1) != '\\')))) {
      return -1;
    }
    int keyKind = keyKind(s, keyStart, keyEnd);
    if (keyKind == 0) {
      return -1;
    }
    // "**Password:** hunter2" in markdown
    for (int d = 0; d < 2 && v < n && (s.charAt(v) == '*' || s.charAt(v) == '`'); d++) {
      v++;
    }
    while (v < n && v - i <= 8 && (s.charAt(v) == ' ' || s.charAt(v) == '\t')) {
      v++;
    }
    if (v >= n) {
      return -1;
    }
    int start;
    int end;
    boolean quoted = true;
    char c = s.charAt(v);
    if (c == '"' || c == '\'') {
      start = v + 1;
      end = closingQuote(s, start, c, false);
    } else if (c == '\\' && v + 1 < n && s.charAt(v + 1) == '"') {
      start = v + 2;
      end = closingQuote(s, start, '"', true);
    } else {
      quoted = false;
      start = v;
      end = v;
      while (end < n && end - start < MAX_VALUE && !endsUnquoted(s.charAt(end))) {
        end++;
      }
      while (end > start && s.charAt(end - 1) == '.') {
        end--;
      }
    }
    if (end <= start || notASecret(s, start, end, quoted)) {
      return -1;
    }
    int length = end - start;
    if (!quoted && op == ':' && length < 6 && !hasDigit(s, start, end)) {
      return -1; // "Password: must …" is prose
    }
    if (keyKind == 2 && (length < 8 || allDigits(s, start, end))) {
      return -1;
    }
    out.add(start, end, KIND);
    return end;
  }

  /** 0: not a credential key; 1: a password, secret or key; 2: a token. */
  private static int keyKind(String s, int start, int end) {
    int last = end - 1;
    while (last >= start && !isAlnum(s.charAt(last))) {
      last--;
    }
    if (last <= start || !credentialEnding(s.charAt(last - 1) | 0x20, s.charAt(last) | 0x20)) {
      return 0; // most keys (name, role, content, type, id…) stop here
    }
    for (String key : SECRET_KEYS) {
      if (keyEndsWith(s, start, last + 1, key)) {
        return 1;
      }
    }
    return keyEndsWith(s, start, last + 1, TOKEN_KEY) ? 2 : 0;
  }

  /** The last two letters of the credential keys: pa(ssword), pass(wd), passphra(se), secr(et), …k(ey), tok(en). */
  private static boolean credentialEnding(int a, int b) {
    switch (b) {
      case 'd':
        return a == 'r' || a == 'w';
      case 'e':
        return a == 's';
      case 't':
        return a == 'e';
      case 'y':
        return a == 'e';
      case 'n':
        return a == 'e';
      default:
        return false;
    }
  }

  /** Whether the key, lower-cased and without separators ({@code OPENAI_API_KEY}, {@code apiKey}), ends with suffix. */
  private static boolean keyEndsWith(String s, int start, int end, String suffix) {
    int p = end - 1;
    for (int k = suffix.length() - 1; k >= 0; k--) {
      while (p >= start && !isAlnum(s.charAt(p))) {
        p--;
      }
      if (p < start || (s.charAt(p) | 0x20) != suffix.charAt(k)) {
        return false;
      }
      p--;
    }
    return true;
  }

  private static int closingQuote(String s, int from, char quote, boolean escaped) {
    int n = s.length();
    int limit = Math.min(n, from + MAX_VALUE);
    int p = from;
    while (p < limit) {
      char c = s.charAt(p);
      if (c == '\\') {
        if (escaped && p + 1 < n && s.charAt(p + 1) == '"') {
          return p;
        }
        p += 2;
        continue;
      }
      if ((c == quote && !escaped) || c == '\n') {
        return p;
      }
      p++;
    }
    return Math.min(p, n);
  }

  private static boolean endsUnquoted(char c) {
    if (c >= 0x80) {
      // Accented letters may be part of a value; CJK text glued to it (password=abc123です) and
      // non-ASCII punctuation or spaces are not.
      return c >= 0x2e80 || !Character.isLetterOrDigit(c);
    }
    return c <= ' ' || ",;&\"'<>)}]\\|`".indexOf(c) >= 0;
  }

  /**
   * Values that hold no secret: JSON literals, placeholders ({@code <your key>}, {@code %s}),
   * environment references ({@code ${VAR}}, {@code $VAR}), masks ({@code ****}), and unquoted nested
   * objects or arrays.
   */
  private static boolean notASecret(String s, int start, int end, boolean quoted) {
    char c = s.charAt(start);
    char last = s.charAt(end - 1);
    int length = end - start;
    if ((c == '<' && last == '>') || (c == '%' && length <= 4) || (!quoted && (c == '{' || c == '[' || c == '('))) {
      return true;
    }
    if (c == '$' && length > 1 && (s.charAt(start + 1) == '{' || allUpperIdentifier(s, start + 1, end))) {
      return true;
    }
    if (allChars(s, start, end, '*')) {
      return true;
    }
    if (length > 9) {
      return false;
    }
    for (String literal : LITERALS) {
      if (literal.length() == length && s.regionMatches(true, start, literal, 0, length)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allUpperIdentifier(String s, int start, int end) {
    for (int p = start; p < end; p++) {
      char c = s.charAt(p);
      if (!((c >= 'A' && c <= 'Z') || isDigit(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static boolean allChars(String s, int start, int end, char only) {
    for (int p = start; p < end; p++) {
      if (s.charAt(p) != only) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasDigit(String s, int start, int end) {
    for (int p = start; p < end; p++) {
      if (isDigit(s.charAt(p))) {
        return true;
      }
    }
    return false;
  }

  private static boolean allDigits(String s, int start, int end) {
    for (int p = start; p < end; p++) {
      if (!isDigit(s.charAt(p))) {
        return false;
      }
    }
    return true;
  }

  private Secrets() {}
}
