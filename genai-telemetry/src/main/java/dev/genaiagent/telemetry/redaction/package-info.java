/**
 * PII and secret redaction of captured content: {@link dev.genaiagent.telemetry.redaction.PiiRedactor},
 * a {@link dev.genaiagent.telemetry.content.ContentPolicy} built from
 * {@link dev.genaiagent.telemetry.redaction.RedactionSettings}, installed whenever content capture is on.
 *
 * <h2>Detectors</h2>
 * Names as {@code otel.instrumentation.genai.redaction.disabled-detectors} takes them:
 * <ul>
 *   <li>{@code email}: local part, {@code @}, a dotted domain with a letters-only TLD (ASCII addresses).
 *   <li>{@code phone}: by format only: {@code +} and 9-15 digits in any grouping; an area code in
 *       parentheses; a trunk {@code 0} with grouping (UK, FR, DE, JP, CN landlines…); NANP 3-3-4;
 *       Spanish 3-2-2-2; Chinese mobile 3-4-4. Bare digit strings ({@code 4155552671}) are not
 *       detected: they cannot be told from ids, timestamps and order numbers.
 *   <li>{@code credit_card}: 13-19 digits, compact or grouped 4-…, Luhn and issuer prefix and length.
 *   <li>{@code iban}: country code and length from the ISO 13616 registry, compact or in groups of four,
 *       mod 97.
 *   <li>{@code us_ssn}: 3-2-4 with dashes or spaces, SSA rules (no area 000, 666, 9xx; no group 00;
 *       no serial 0000).
 *   <li>{@code ipv4}, {@code ipv6}: syntactically valid addresses (any range, loopback included);
 *       four-part version numbers after "version", "ver" or "build" excepted.
 *   <li>{@code jwt}: three (or five) base64url segments, the first starting {@code eyJ}.
 *   <li>{@code secret}: OpenAI/Anthropic {@code sk-…}, AWS {@code AKIA…}/{@code ASIA…}, GitHub
 *       {@code ghp_ gho_ ghu_ ghs_ ghr_ github_pat_}, Stripe, Slack, Google {@code AIza…}, the token
 *       after {@code Bearer}, PEM private key blocks, and values assigned to keys ending in password,
 *       passwd, passphrase, secret, api key, access key, secret key, private key or token.
 * </ul>
 *
 * <h2>Modes</h2>
 * {@code replace} ({@code <EMAIL>}, custom {@code <NAME>}), {@code hash} ({@code <EMAIL:9f86d081>},
 * HMAC-SHA256 keyed by {@code hash-key} of a normalized value: e-mail lower-cased, numbers without
 * separators), {@code drop} (the field, when anything is found).
 *
 * <h2>Guarantees</h2>
 * One pass over the text with anchors (a digit or letter at a token start, {@code @}, {@code +},
 * {@code (}, {@code :}, {@code =}, {@code -----}); custom patterns run after it. A JSON object or array
 * stays valid JSON: replacements stay inside strings, never split an escape, and a bare value (a card
 * number as a JSON number) becomes a string. Any runtime error drops the field; nothing is ever
 * returned unredacted because of an error.
 */
package dev.genaiagent.telemetry.redaction;
