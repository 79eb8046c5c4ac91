package dev.genaiagent.telemetry.redaction;

import static dev.genaiagent.telemetry.redaction.Chars.endsToken;
import static dev.genaiagent.telemetry.redaction.Chars.isDigit;

/**
 * Reads a run of digit groups at a token start ({@code 4111 1111 1111 1111}, {@code +44 (0)20 7946 0958},
 * {@code 192.168.0.1}) once, then classifies it by the shape of its groups and separators and by the
 * checksums: IPv4, US SSN, payment card, phone. One instance per scan; not thread-safe.
 *
 * <p>Phones are recognized by format, not by digits alone: a leading {@code +}, an area code in
 * parentheses, a national trunk prefix {@code 0} with grouping (UK, France, Germany, Japan, China
 * landlines), the NANP 3-3-4 grouping, Spanish 3-2-2-2 and Chinese mobile 3-4-4 groupings. A bare
 * digit string is never a phone (it is as likely an order number, an id or a timestamp). Neither a
 * card nor a phone is read inside a longer grouping ({@code 9205 5614 2690 5933 0075 41}, a tracking
 * number; {@code 878 031 844 025}, a count).
 */
final class DigitRuns {
  static final int SPACE = 1;
  static final int DASH = 2;
  static final int DOT = 4;
  static final int SLASH = 8;
  static final int OPEN = 16;
  static final int CLOSE = 32;

  private static final int LEAD_NONE = 0;
  private static final int LEAD_PLUS = 1;
  private static final int LEAD_PAREN = 2;
  private static final int MAX_GROUPS = 10;
  /** More than any card (19) or phone (15 with a 00 prefix): longer runs are something else. */
  private static final int MAX_DIGITS = 24;

  private final boolean phone;
  private final boolean card;
  private final boolean ssn;
  private final boolean ipv4;

  private final int[] gs = new int[MAX_GROUPS];
  private final int[] ge = new int[MAX_GROUPS];
  /** Separator before group k (k >= 1): bits of SPACE, DASH, DOT, SLASH, OPEN, CLOSE. */
  private final int[] sep = new int[MAX_GROUPS];
  /** The first MAX_DIGITS digits of the run, as values. */
  private final int[] digits = new int[MAX_DIGITS];
  private String s = "";
  private int groups;
  private int lead;
  /** The run goes on a grouping to its left (9205 5614 2690 5933 0075 41): not a card or phone of its own. */
  private boolean continued;

  DigitRuns(boolean phone, boolean card, boolean ssn, boolean ipv4) {
    this.phone = phone;
    this.card = card;
    this.ssn = ssn;
    this.ipv4 = ipv4;
  }

  /**
   * At a token start {@code i} holding a digit, or a {@code +} or {@code (} before a digit: records a
   * finding and returns its end; else returns where scanning may resume (after the first digit group),
   * or -1 after a {@code +} or {@code (} (the digits that follow are a token start of their own).
   */
  int scan(String text, int i, Findings out) {
    s = text;
    parse(i);
    if (groups == 1 && lead == LEAD_NONE && ge[0] - gs[0] < 13) {
      return ge[0]; // one short number: no card, and without + or grouping no phone (the common case)
    }
    continued = continuesGrouping(i);
    int end = classify(i, out);
    if (end > 0) {
      return end;
    }
    return lead == LEAD_NONE ? ge[0] : -1;
  }

  private void parse(int i) {
    int n = s.length();
    int p = i;
    boolean open = false;
    char c = s.charAt(p);
    lead = LEAD_NONE;
    boolean leadClose = false;
    if (c == '+') {
      lead = LEAD_PLUS;
      leadClose = p > 0 && s.charAt(p - 1) == '('; // (+44) 20 7946 0958 or (+44 (0)20 7946 0958)
      p++;
    } else if (c == '(') {
      lead = LEAD_PAREN;
      open = true;
      p++;
    }
    int k = 0;
    int total = 0;
    int stored = 0;
    while (true) {
      int start = p;
      while (p < n) {
        char d = s.charAt(p);
        if (d < '0' || d > '9') {
          break;
        }
        if (stored < MAX_DIGITS) {
          digits[stored++] = d - '0';
        }
        p++;
      }
      gs[k] = start;
      ge[k] = p;
      total += p - start;
      k++;
      if (k == MAX_GROUPS || total > MAX_DIGITS) {
        break;
      }
      int q = p;
      int code = 0;
      if (q < n && s.charAt(q) == ')' && (open || leadClose)) {
        code = CLOSE;
        if (open) {
          open = false;
        } else {
          leadClose = false;
        }
        q++;
      }
      if (q < n) {
        int bit = separator(s.charAt(q));
        if (bit != 0) {
          code |= bit;
          q++;
        }
      }
      if (q < n && s.charAt(q) == '(' && !open && (code & CLOSE) == 0) {
        code |= OPEN;
        open = true;
        q++;
      }
      if (code == 0 || q >= n || !isDigit(s.charAt(q))) {
        break;
      }
      sep[k] = code;
      p = q;
    }
    groups = k;
  }

  private boolean continuesGrouping(int i) {
    if (lead != LEAD_NONE || groups < 2 || i < 2 || !isDigit(s.charAt(i - 2))) {
      return false;
    }
    int bit = separator(s.charAt(i - 1));
    return bit != 0 && bit == sep[1];
  }

  private static int separator(char c) {
    switch (c) {
      case ' ':
      case '\u00a0': // no-break space
      case '\u202f': // narrow no-break space (French grouping)
      case '\u2009': // thin space
        return SPACE;
      case '-':
      case '\u2010': // hyphen
      case '\u2011': // non-breaking hyphen
        return DASH;
      case '.':
        return DOT;
      case '/':
        return SLASH;
      default:
        return 0;
    }
  }

  private int classify(int i, Findings out) {
    if (lead == LEAD_NONE) {
      if (ipv4 && groups >= 4 && isIpv4(i)) {
        return add(out, i, ge[3], Detector.IPV4);
      }
      if (ssn && groups >= 3 && isSsn()) {
        return add(out, i, ge[2], Detector.US_SSN);
      }
      if (card && !continued) {
        int j = cardGroups();
        if (j > 0) {
          return add(out, i, ge[j - 1], Detector.CREDIT_CARD);
        }
      }
    }
    if (phone && !continued) {
      int j = phoneGroups();
      if (j > 0) {
        return add(out, i, ge[j - 1], Detector.PHONE);
      }
    }
    return -1;
  }

  private static int add(Findings out, int start, int end, Detector d) {
    out.add(start, end, d.ordinal());
    return end;
  }

  private int len(int g) {
    return ge[g] - gs[g];
  }

  private int value(int g) {
    int v = 0;
    for (int p = gs[g]; p < ge[g] && p - gs[g] < 9; p++) {
      v = v * 10 + (s.charAt(p) - '0');
    }
    return v;
  }

  private char first(int g) {
    return s.charAt(gs[g]);
  }

  private boolean isIpv4(int i) {
    for (int g = 0; g < 4; g++) {
      int l = len(g);
      if (l > 3 || (l > 1 && first(g) == '0') || value(g) > 255 || (g > 0 && sep[g] != DOT)) {
        return false;
      }
    }
    // "version 1.0.0.0": four-part version numbers are the common look-alike
    int p = i;
    while (p > 0 && s.charAt(p - 1) == ' ') {
      p--;
    }
    return endsToken(s, ge[3], true)
        && !Chars.wordBefore(s, p, "version") && !Chars.wordBefore(s, p, "ver") && !Chars.wordBefore(s, p, "build");
  }

  private boolean isSsn() {
    if (len(0) != 3 || len(1) != 2 || len(2) != 4) {
      return false;
    }
    int sp = sep[1];
    if ((sp != DASH && sp != SPACE) || sep[2] != sp || (groups > 3 && sep[3] == sp)) {
      return false;
    }
    return endsToken(s, ge[2], false) && Checksums.ssnValid(value(0), value(1), value(2));
  }

  /** Groups of a card number at the run start: one group of 13-19 digits, or 4 then groups of 3-6 (the last 1-6). */
  private int cardGroups() {
    int len0 = len(0);
    if (len0 >= 13 && len0 <= 19) {
      return endsToken(s, ge[0], false) && validCard(len0) ? 1 : 0;
    }
    if (len0 != 4 || groups < 2) {
      return 0;
    }
    int common = sep[1];
    if (common != SPACE && common != DASH) {
      return 0;
    }
    int total = 4;
    int best = 0;
    for (int j = 1; j < groups; j++) {
      int l = len(j);
      if (sep[j] != common || l > 6) {
        break;
      }
      total += l;
      if (total > 19) {
        break;
      }
      if (total >= 13 && endsToken(s, ge[j], false) && validCard(total)) {
        best = j + 1; // the longest valid prefix: a trailing CVV-like group is redacted too
      }
      if (l < 3) {
        break;
      }
    }
    return best;
  }

  private boolean validCard(int length) {
    return Checksums.plausibleCard(digits, length) && Checksums.luhn(digits, length);
  }

  private int phoneGroups() {
    if (lead == LEAD_PLUS) {
      return internationalPhone();
    }
    if (lead == LEAD_PAREN) {
      return parenthesizedPhone();
    }
    if (first(0) == '0') {
      return trunkPhone();
    }
    int j = nanpPhone();
    return j > 0 ? j : groupedMobile();
  }

  /** {@code +14155552671}, {@code +44 20 7946 0958}, {@code +1 (415) 555-2671}, {@code +44 (0)20 …}: 9-15 digits. */
  private int internationalPhone() {
    int len0 = len(0);
    if (first(0) == '0') {
      return 0;
    }
    if (len0 >= 9) {
      return len0 <= 15 && endsToken(s, ge[0], false) ? 1 : 0;
    }
    if (groups < 2 || len0 > 4) {
      return 0;
    }
    // A paren before the + may close after the country code, (+44) 20 …, or after the number: not required.
    boolean open = false;
    int total = len0;
    int best = 0;
    for (int j = 1; j < groups; j++) {
      int code = sep[j];
      if ((code & CLOSE) != 0) {
        open = false;
      }
      if ((code & OPEN) != 0) {
        open = true;
      }
      int l = len(j);
      if (l > 8) {
        break;
      }
      total += l;
      if (total > 15) {
        break;
      }
      if (!open && total >= 9 && endsToken(s, ge[j], false)) {
        best = j + 1;
      }
    }
    return best;
  }

  /** {@code (415) 555-2671}, {@code (030) 1234567}, {@code (11) 91234-5678}: 9-12 digits. */
  private int parenthesizedPhone() {
    int len0 = len(0);
    if (groups < 2 || (sep[1] & CLOSE) == 0 || (sep[1] & OPEN) != 0) {
      return 0;
    }
    if (!(len0 == 2 || len0 == 3 || (first(0) == '0' && len0 <= 5))) {
      return 0; // (2024) is a year, not an area code
    }
    int total = len0;
    int best = 0;
    for (int j = 1; j < groups; j++) {
      int l = len(j);
      if ((j > 1 && (sep[j] & (OPEN | CLOSE)) != 0) || l < 2 || l > 8) {
        break;
      }
      total += l;
      if (total > 12) {
        break;
      }
      if (total >= 9 && endsToken(s, ge[j], false)) {
        best = j + 1;
      }
    }
    return best;
  }

  /**
   * National numbers with the trunk prefix 0, grouped: {@code 020 7946 0958}, {@code 06 12 34 56 78},
   * {@code 01.23.45.67.89}, {@code 030/1234567}, {@code 03-1234-5678}, {@code 0049 30 123456}: 9-12
   * digits (14 after a 00 international prefix). Dates with a leading zero have only 8.
   */
  private int trunkPhone() {
    int len0 = len(0);
    if (len0 < 2 || len0 > 5 || groups < 2 || looksLikeDate()) {
      return 0;
    }
    boolean international = len0 >= 3 && s.charAt(gs[0] + 1) == '0';
    if (international && s.charAt(gs[0] + 2) == '0') {
      return 0; // 00 then a country code, which never starts with 0
    }
    if (groups == 3 && len0 == 3 && len(1) == 2 && len(2) == 4 && sep[1] == DASH && sep[2] == DASH) {
      return 0; // the SSN shape (an invalid one: area 000)
    }
    int max = international ? 14 : 12;
    boolean dots = false;
    boolean others = false;
    int total = len0;
    int best = 0;
    for (int j = 1; j < groups; j++) {
      int code = sep[j];
      if (code == DOT) {
        dots = true;
      } else if (code == SPACE || code == DASH || (code == SLASH && j == 1)) {
        others = true;
      } else {
        break;
      }
      int l = len(j);
      if ((dots && others) || l > 8 || (l < 2 && !international)) {
        break;
      }
      total += l;
      if (total > max) {
        break;
      }
      if (total >= 9 && endsToken(s, ge[j], false) && (!allPairs(j) || j == 4)) {
        best = j + 1; // pairs only: five of them, the French grouping (six are a MAC address or a list)
      }
    }
    return best;
  }

  private boolean allPairs(int last) {
    for (int g = 0; g <= last; g++) {
      if (len(g) != 2) {
        return false;
      }
    }
    return true;
  }

  private boolean looksLikeDate() {
    if (groups < 3 || sep[1] != sep[2] || (sep[1] != DOT && sep[1] != SLASH && sep[1] != DASH)) {
      return false;
    }
    return (len(0) == 2 && len(1) == 2 && len(2) == 4) || (len(0) == 4 && len(1) == 2 && len(2) == 2);
  }

  /** {@code 415-555-2671}, {@code 415.555.2671}, {@code 415 555 2671}, {@code 1-800-555-0199}, {@code 1 (415) 555-2671}. */
  private int nanpPhone() {
    int b = 0;
    if (len(0) == 1 && first(0) == '1') {
      b = 1;
    }
    if (groups < b + 3 || len(b) != 3 || len(b + 1) != 3 || len(b + 2) != 4 || first(b) < '2') {
      return 0;
    }
    int ab = sep[b + 1];
    int bc = sep[b + 2];
    boolean plain = bc == SPACE || bc == DASH || bc == DOT;
    boolean uniform = ab == bc && plain && (b == 0 || sep[1] == ab);
    boolean parenthesized = b == 1 && (sep[1] == (SPACE | OPEN) || sep[1] == OPEN)
        && (ab == CLOSE || ab == (CLOSE | SPACE)) && plain;
    if (!uniform && !parenthesized) {
      return 0;
    }
    if (groups > b + 3 && sep[b + 3] == bc) {
      return 0; // 415 555 2671 1234: a longer grouped number
    }
    return endsToken(s, ge[b + 2], false) ? b + 3 : 0;
  }

  /**
   * Spanish {@code 612 34 56 78} (first digit 6-9; not with dots, which an invalid dotted quad like
   * 613.57.63.73 also has) and Chinese mobile {@code 138 0013 8000}.
   */
  private int groupedMobile() {
    if (groups >= 4 && len(0) == 3 && len(1) == 2 && len(2) == 2 && len(3) == 2 && first(0) >= '6') {
      int sp = sep[1];
      if ((sp == SPACE || sp == DASH) && sep[2] == sp && sep[3] == sp
          && !(groups > 4 && sep[4] == sp) && endsToken(s, ge[3], false)) {
        return 4;
      }
    }
    if (groups >= 3 && len(0) == 3 && len(1) == 4 && len(2) == 4 && first(0) == '1' && s.charAt(gs[0] + 1) >= '3') {
      int sp = sep[1];
      if ((sp == SPACE || sp == DASH) && sep[2] == sp && !(groups > 3 && sep[3] == sp) && endsToken(s, ge[2], false)) {
        return 3;
      }
    }
    return 0;
  }
}
