package dev.crossbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Effects read back from a stamp: all of them, or none when one line is not an effect (the goal then runs). */
class EffectsTest {

    @Test
    void propertiesAndAttachmentsReadBack() {
        assertEquals(Optional.of(List.of(new Effects.Property("cross.classifier", "linux-aarch_64"),
                        new Effects.Property("argLine", "-Dx=a=b"),
                        new Effects.Attachment("jar", "linux-aarch_64", new File("/m/target/a b-linux-aarch_64.jar")))),
                Effects.parse(List.of("property cross.classifier=linux-aarch_64", "property argLine=-Dx=a=b",
                        "attach jar linux-aarch_64 /m/target/a b-linux-aarch_64.jar")));
    }

    @Test
    void aLineThatIsNoEffectReplaysNothing() {
        assertEquals(Optional.empty(), Effects.parse(List.of("property cross.classifier=x", "attach jar only-three")));
        assertEquals(Optional.empty(), Effects.parse(List.of("property no-equals-sign")));
        assertEquals(Optional.empty(), Effects.parse(List.of("install jar x /f.jar")));
    }
}
