package dev.genaiagent.telemetry.redaction;

import static dev.genaiagent.telemetry.redaction.Chars.boundaryBefore;
import static dev.genaiagent.telemetry.redaction.Chars.isAlnum;
import static dev.genaiagent.telemetry.redaction.Chars.isDigit;
import static dev.genaiagent.telemetry.redaction.Chars.isHex;
import static dev.genaiagent.telemetry.redaction.Chars.isLetter;
import static dev.genaiagent.telemetry.redaction.Chars.isWordChar;

import java.util.Set;

/**
 * The built-in detectors in one pass over the text. Each character is classified by a table; only
 * anchors do work: {@code @} (e-mail), a digit, {@code +} or {@code (} at a token start (cards, IBAN
 * digits, SSN, phones, IPv4, IPv6), a letter at a word start (IBAN, prefixed keys, {@code eyJ}, IPv6,
 * {@code Bearer}), {@code :} and {@code =} (credential assignments, {@code ::1}), {@code -----BEGIN}.
 * After a finding, the scan resumes at its end. Immutable and thread-safe; each scan has its own state.
 */
final class PiiScanner {
  private static final byte DIGIT = 1;
  private static final byte LETTER = 2;
  private static final byte AT = 3;
  private static final byte PLUS = 4;
  private static final byte PAREN = 5;
  private static final byte COLON = 6;
  private static final byte EQUALS = 7;
  private static final byte DASH = 8;
  private static final byte[] CLASSES = new byte[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      CLASSES[c] = DIGIT;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      CLASSES[c] = LETTER;
      CLASSES[Character.toUpperCase(c)] = LETTER;
    }
    CLASSES['@'] = AT;
    CLASSES['+'] = PLUS;
    CLASSES['('] = PAREN;
    CLASSES[':'] = COLON;
    CLASSES['='] = EQUALS;
    CLASSES['-'] = DASH;
  }

  private static final int IPV6_MAX = 64;

  private final boolean email;
  private final boolean phone;
  private final boolean card;
  private final boolean iban;
  private final boolean ssn;
  private final boolean ipv4;
  private final boolean ipv6;
  private final boolean jwt;
  private final boolean secret;
  private final boolean digitRuns;

  PiiScanner(Set<Detector> enabled) {
    email = enabled.contains(Detector.EMAIL);
    phone = enabled.contains(Detector.PHONE);
    card = enabled.contains(Detector.CREDIT_CARD);
    iban = enabled.contains(Detector.IBAN);
    ssn = enabled.contains(Detector.US_SSN);
    ipv4 = enabled.contains(Detector.IPV4);
    ipv6 = enabled.contains(Detector.IPV6);
    jwt = enabled.contains(Detector.JWT);
    secret = enabled.contains(Detector.SECRET);
    digitRuns = phone || card || ssn || ipv4;
  }

  void scan(String s, Findings out) {
    new Pass(s, out).run();
  }

  private final class Pass {
    private final String s;
    private final int n;
    private final Findings out;
    private DigitRuns runs;
    private Secrets.PemEnds pemEnds;
    private char[] ibanChars;

    Pass(String s, Findings out) {
      this.s = s;
      this.n = s.length();
      this.out = out;
    }

    void run() {
      String s = this.s;
      int n = this.n;
      int i = 0;
      while ((i = nextAnchor(s, i, n)) < n) {
        char c = s.charAt(i);
        byte kind = CLASSES[c];
        int next = -1;
        if (kind == LETTER) {
          if (boundaryBefore(s, i)) {
            int wordEnd = wordEnd(i + 1);
            next = atWord(i, c, wordEnd);
            if (next <= i && (i == 0 || s.charAt(i - 1) != '\\')) {
              next = wordEnd; // nothing starts inside a word (after an escape letter, \n4111…, something may)
            }
          }
        } else if (kind == DIGIT) {
          if (boundaryBefore(s, i)) {
            next = atDigit(i);
          }
        } else {
          next = atPunctuation(kind, i);
        }
        i = next > i ? next : i + 1;
      }
    }

    /** Skips what anchors nothing (spaces, most punctuation, non-ASCII): a small counted loop the JIT compiles well. */
    private int nextAnchor(String s, int i, int n) {
      for (; i < n; i++) {
        char c = s.charAt(i);
        if (c < 128 && CLASSES[c] != 0) {
          return i;
        }
      }
      return n;
    }

    private int wordEnd(int p) {
      while (p < n && Chars.isWordChar(s.charAt(p))) {
        p++;
      }
      return p;
    }

    private int atPunctuation(byte kind, int i) {
      switch (kind) {
        case AT:
          return email ? email(i) : -1;
        case PLUS:
          return phone && i + 1 < n && isDigit(s.charAt(i + 1)) && boundaryBefore(s, i) ? runs().scan(s, i, out) : -1;
        case PAREN:
          return phone && i + 1 < n && isDigit(s.charAt(i + 1)) ? runs().scan(s, i, out) : -1;
        case COLON:
          return atColon(i);
        case EQUALS:
          return secret ? Secrets.assignment(s, i, out) : -1;
        case DASH:
          if (!secret || i + 10 >= n || s.charAt(i + 1) != '-') {
            return -1;
          }
          if (pemEnds == null) {
            pemEnds = new Secrets.PemEnds();
          }
          return Secrets.pem(s, i, out, pemEnds);
        default:
          return -1;
      }
    }

    private DigitRuns runs() {
      if (runs == null) {
        runs = new DigitRuns(phone, card, ssn, ipv4);
      }
      return runs;
    }

    private int atDigit(int i) {
      if (ipv6) {
        int r = ipv6(i);
        if (r > 0) {
          return r;
        }
      }
      return digitRuns ? runs().scan(s, i, out) : -1;
    }

    /** At a word start {@code i}; {@code wordEnd}: the end of its letters, digits and underscores. */
    private int atWord(int i, char c, int wordEnd) {
      int r;
      if (iban && i + 3 < n && isDigit(s.charAt(i + 2)) && isDigit(s.charAt(i + 3)) && isLetter(s.charAt(i + 1))) {
        r = iban(i);
        if (r > 0) {
          return r;
        }
      }
      if (secret && i + 1 < n && Secrets.mayStartToken(c, s.charAt(i + 1))) {
        r = Secrets.atWord(s, i, out);
        if (r > 0) {
          return r;
        }
      }
      if (jwt && c == 'e' && i + 2 < n && s.charAt(i + 1) == 'y') {
        r = jwt(i);
        if (r > 0) {
          return r;
        }
      }
      // IPv6 starting with a hex word: fe80::1, abcd:…
      if (ipv6 && wordEnd < n && s.charAt(wordEnd) == ':' && wordEnd - i <= 4 && allHex(i, wordEnd)) {
        return ipv6(i);
      }
      return -1;
    }

    private boolean allHex(int from, int to) {
      for (int p = from; p < to; p++) {
        if (!isHex(s.charAt(p))) {
          return false;
        }
      }
      return true;
    }

    private int atColon(int i) {
      if (ipv6 && i + 1 < n && s.charAt(i + 1) == ':' && boundaryBefore(s, i)) {
        int r = ipv6(i);
        if (r > 0) {
          return r;
        }
      }
      return secret ? Secrets.assignment(s, i, out) : -1;
    }

    /** At {@code @}: the local part before it, the domain after it (with a dot and a letters-only TLD). */
    private int email(int at) {
      int start = at;
      // Not back into an earlier finding: https://ghp_…@github.com is a token, not an address
      int floor = out.lastEnd();
      while (start > floor && at - start < 64 && isLocalPartChar(s.charAt(start - 1))) {
        start--;
      }
      while (start < at && s.charAt(start) == '.') {
        start++;
      }
      if (start == at || s.charAt(at - 1) == '.') {
        return -1;
      }
      int p = at + 1;
      int label = p;
      int lastDot = -1;
      while (p < n && p - at <= 253) {
        char c = s.charAt(p);
        if (isAlnum(c) || (c == '-' && p > label)) {
          p++;
        } else if (c == '.' && p > label && s.charAt(p - 1) != '-' && p + 1 < n && isAlnum(s.charAt(p + 1))) {
          lastDot = p++;
          label = p;
        } else {
          break;
        }
      }
      while (p > label && s.charAt(p - 1) == '-') {
        p--;
      }
      if (lastDot < 0 || p - lastDot - 1 < 2 || (p < n && isWordChar(s.charAt(p)))) {
        return -1;
      }
      for (int k = lastDot + 1; k < p; k++) {
        if (!isLetter(s.charAt(k))) {
          return -1;
        }
      }
      if (lastDot == at + 3 && isDigit(s.charAt(at + 1)) && s.charAt(at + 2) == 'x') {
        return -1; // icon@2x.png: a high-resolution image name
      }
      out.add(start, p, Detector.EMAIL.ordinal());
      return p;
    }

    /** Three base64url segments, the header starting {@code eyJ} (JSON "{"), JWE's five included. */
    private int jwt(int i) {
      if (!s.startsWith("eyJ", i)) {
        return -1;
      }
      int p = base64Url(i);
      if (p - i < 10 || p >= n || s.charAt(p) != '.') {
        return -1;
      }
      int payload = p + 1;
      p = base64Url(payload);
      if (p - payload < 2 || p >= n || s.charAt(p) != '.') {
        return -1;
      }
      int signature = p + 1;
      p = base64Url(signature);
      if (p == signature && !s.startsWith("eyJ", payload)) {
        return -1;
      }
      for (int extra = 0; extra < 2 && p + 1 < n && s.charAt(p) == '.' && isBase64Url(s.charAt(p + 1)); extra++) {
        p = base64Url(p + 1);
      }
      out.add(i, p, Detector.JWT.ordinal());
      return p;
    }

    private int base64Url(int p) {
      while (p < n && isBase64Url(s.charAt(p))) {
        p++;
      }
      return p;
    }

    /**
     * Two letters and two check digits, then the country's length of alphanumerics, compact or in
     * groups of four, mod 97 = 1. A well-formed IBAN with a wrong checksum is skipped whole, so its
     * digit groups are not read again as a card or a phone.
     */
    private int iban(int i) {
      int expected = Checksums.ibanLength(s.charAt(i), s.charAt(i + 1));
      if (expected == 0) {
        return -1;
      }
      if (ibanChars == null) {
        ibanChars = new char[34];
      }
      char[] chars = ibanChars;
      int count = 0;
      int p = i;
      while (p < n && isAlnum(s.charAt(p)) && count <= 34) {
        if (count < 34) {
          chars[count] = s.charAt(p);
        }
        count++;
        p++;
      }
      int end = p;
      if (count == 4 && p < n && s.charAt(p) == ' ') {
        while (count < expected && end < n && s.charAt(end) == ' ') {
          int group = end + 1;
          int q = group;
          while (q < n && q - group < 5 && isAlnum(s.charAt(q))) {
            q++;
          }
          int length = q - group;
          if (length == 0 || length > 4 || count + length > expected) {
            break;
          }
          for (int k = group; k < q; k++) {
            chars[count++] = s.charAt(k);
          }
          end = q;
          if (length < 4) {
            break;
          }
        }
      }
      if (count != expected || (end < n && isWordChar(s.charAt(end)))) {
        return -1;
      }
      if (!Checksums.ibanValid(chars, expected)) {
        return end;
      }
      out.add(i, end, Detector.IBAN.ordinal());
      return end;
    }

    /**
     * Hex groups and colons at a token start: 8 groups, or fewer with one {@code ::}, optionally an IPv4
     * tail, with at least one decimal digit ({@code Add::Bad} is code). Times ({@code 12:30:45}) and MAC
     * addresses have too few groups and no {@code ::}.
     */
    private int ipv6(int i) {
      int j = i;
      while (j < n && j - i <= 4 && isHex(s.charAt(j))) {
        j++;
      }
      if (j >= n || j - i > 4 || s.charAt(j) != ':') {
        return -1;
      }
      int end = i;
      while (end < n && isIpv6Char(s.charAt(end))) {
        end++;
        if (end - i > IPV6_MAX) {
          while (end < n && isIpv6Char(s.charAt(end))) {
            end++;
          }
          return end; // no address is this long: skip the run instead of retrying inside it
        }
      }
      int stop = end;
      while (stop > i && s.charAt(stop - 1) == '.') {
        stop--;
      }
      if (stop - i >= 2 && s.charAt(stop - 1) == ':' && s.charAt(stop - 2) != ':') {
        stop--;
      }
      if (end < n && isWordChar(s.charAt(end))) {
        return -1;
      }
      if (!validIpv6(i, stop)) {
        return stop; // skipped whole: 1:2:3:4:5:6:7:8:9 holds a valid-looking tail
      }
      out.add(i, stop, Detector.IPV6.ordinal());
      return stop;
    }

    private boolean validIpv6(int from, int to) {
      int groups = 0;
      boolean compressed = false;
      boolean digit = false;
      int p = from;
      if (s.startsWith("::", p)) {
        compressed = true;
        p += 2;
        if (p >= to) {
          return false;
        }
      } else if (s.charAt(p) == ':') {
        return false;
      }
      while (p < to) {
        int q = p;
        while (q < to && isHex(s.charAt(q))) {
          digit |= isDigit(s.charAt(q));
          q++;
        }
        if (q < to && s.charAt(q) == '.') {
          if (!ipv4Tail(p, to)) {
            return false;
          }
          groups += 2;
          digit = true;
          break;
        }
        if (q - p < 1 || q - p > 4) {
          return false;
        }
        groups++;
        p = q;
        if (p == to) {
          break;
        }
        p++; // ':'
        if (p < to && s.charAt(p) == ':') {
          if (compressed) {
            return false;
          }
          compressed = true;
          p++;
        } else if (p == to) {
          return false;
        }
      }
      return digit && groups >= 1 && (compressed ? groups <= 7 : groups == 8);
    }

    private boolean ipv4Tail(int from, int to) {
      int octets = 0;
      int p = from;
      while (p < to) {
        int q = p;
        int value = 0;
        while (q < to && isDigit(s.charAt(q)) && q - p < 3) {
          value = value * 10 + (s.charAt(q) - '0');
          q++;
        }
        if (q == p || value > 255 || (q - p > 1 && s.charAt(p) == '0')) {
          return false;
        }
        octets++;
        if (q == to) {
          break;
        }
        if (s.charAt(q) != '.' || octets == 4) {
          return false;
        }
        p = q + 1;
        if (p == to) {
          return false;
        }
      }
      return octets == 4;
    }
  }

  private static boolean isLocalPartChar(char c) {
    return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private static boolean isBase64Url(char c) {
    return isAlnum(c) || c == '-' || c == '_';
  }

  private static boolean isIpv6Char(char c) {
    return isHex(c) || c == ':' || c == '.';
  }
}
