package dev.genaiagent.telemetry.redaction;

/** The check-digit algorithms and number plans that tell real identifiers from look-alikes. */
final class Checksums {

  /** IBAN length by country (ISO 13616 registry), indexed {@code (c1 - 'A') * 26 + (c2 - 'A')}; 0: none. */
  private static final byte[] IBAN_LENGTHS = new byte[26 * 26];

  static {
    String registry = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22"
        + " DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28"
        + " IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19"
        + " MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18"
        + " SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
    for (String entry : registry.split(" ")) {
      IBAN_LENGTHS[(entry.charAt(0) - 'A') * 26 + (entry.charAt(1) - 'A')] = (byte) Integer.parseInt(entry.substring(2));
    }
  }

  /** The IBAN length of a country code (letters of either case), or 0 when it has no IBAN. */
  static int ibanLength(char c1, char c2) {
    int a = Character.toUpperCase(c1) - 'A';
    int b = Character.toUpperCase(c2) - 'A';
    if (a < 0 || a >= 26 || b < 0 || b >= 26) {
      return 0;
    }
    return IBAN_LENGTHS[a * 26 + b];
  }

  /**
   * ISO 7064 mod 97-10 over the IBAN's {@code length} alphanumerics (letters of either case): the
   * first four moved to the end, letters as 10..35, the number mod 97 must be 1.
   */
  static boolean ibanValid(char[] chars, int length) {
    int rest = 0;
    for (int k = 0; k < length; k++) {
      char c = chars[(k + 4) % length];
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
        rest = (rest * 10 + v) % 97;
      } else {
        v = Character.toUpperCase(c) - 'A' + 10;
        if (v < 10 || v > 35) {
          return false;
        }
        rest = (rest * 100 + v) % 97;
      }
    }
    return rest == 1;
  }

  /** Luhn over {@code digits[0..length)}, digit values 0..9. */
  static boolean luhn(int[] digits, int length) {
    int sum = 0;
    boolean doubled = false;
    for (int k = length - 1; k >= 0; k--) {
      int d = digits[k];
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  /**
   * Whether the issuer prefix and length are those of a payment card network: most random 13-19 digit
   * numbers (timestamps and ids start with 1, tracking numbers with 9) fail here before Luhn.
   */
  static boolean plausibleCard(int[] d, int length) {
    int two = d[0] * 10 + d[1];
    int three = two * 10 + d[2];
    int four = three * 10 + d[3];
    switch (d[0]) {
      case 4: // Visa
        return length == 13 || length == 16 || length == 19;
      case 5:
        if (two >= 51 && two <= 55) { // Mastercard
          return length == 16;
        }
        return (two == 50 || two >= 56) && length >= 13; // Maestro
      case 2:
        if (four >= 2221 && four <= 2720) { // Mastercard 2-series
          return length == 16;
        }
        return four >= 2200 && four <= 2204 && length >= 16; // Mir
      case 3:
        if (two == 34 || two == 37) { // American Express
          return length == 15;
        }
        if ((three >= 300 && three <= 305) || two == 36 || two == 38 || two == 39) { // Diners Club
          return length >= 14;
        }
        return four >= 3528 && four <= 3589 && length >= 16; // JCB
      case 6: // Discover, UnionPay, Maestro, RuPay
        return length >= 16 || (two == 63 || two == 67) && length >= 13;
      default:
        return false;
    }
  }

  /** SSA rules: no area 000, 666 or 900-999, no group 00, no serial 0000. */
  static boolean ssnValid(int area, int group, int serial) {
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
  }

  private Checksums() {}
}
