package io.tip.notes.internal.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The implication heading is read by code, not the quadratic regex it replaced — with the same results. */
class ImplicationHeadingTest {
    /** The regex NoteParser used: {@code "for a" + 100,000 spaces + "b"} took 35 s. */
    private static final Pattern OLD = Pattern.compile("(?i)for\\s+(.+?)\\s*:?");

    @Test
    void sameTargetsAsTheOldRegexOnTenThousandRandomHeadings() {
        String alphabet = "forFOR :\t\n()+-[]ab\u2028";
        Random random = new Random(14);
        for (int n = 0; n < 10_000; n++) {
            StringBuilder text = new StringBuilder(random.nextInt(3) == 0 ? "" : random.nextBoolean() ? "for" : "For");
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String heading = text.toString();
            Matcher m = OLD.matcher(heading);
            Optional<String> expected = m.matches() ? Optional.of(m.group(1)) : Optional.empty();
            assertThat(ImplicationHeading.target(heading)).as("'%s'", heading.replace("\n", "\\n")).isEqualTo(expected);
        }
    }

    @Test
    void theUsualForms() {
        assertThat(ImplicationHeading.target("For [[Long Broadcom]]:")).hasValue("[[Long Broadcom]]");
        assertThat(ImplicationHeading.target("for chip design (+) :")).hasValue("chip design (+)");
        assertThat(ImplicationHeading.target("Forward guidance")).isEmpty();
        assertThat(ImplicationHeading.target("for")).isEmpty();
    }
}
