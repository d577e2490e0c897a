package dev.crossbuild.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.report.ReportData;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page as the Sink writes it (XHTML5 body, without the site skin), from real setup/outputs/test files. */
class CrossReportRendererTest {

    @TempDir
    Path dir;

    private Path cross() {
        return dir.resolve("target/cross");
    }

    private Path surefire() {
        return dir.resolve("target/surefire-reports");
    }

    private void copy(String resource, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = getClass().getResourceAsStream("/report/" + resource)) {
            Files.copy(in, to);
        }
    }

    private void arm64() throws IOException {
        copy("setup-arm64.json", cross().resolve("linux-aarch_64/setup.json"));
        copy("outputs-arm64.json", cross().resolve("linux-aarch_64/outputs.json"));
        copy("TEST-cross.linux-aarch_64.hello.xml", surefire().resolve("TEST-cross.linux-aarch_64.hello.xml"));
    }

    private String render() throws IOException {
        StringWriter html = new StringWriter();
        new CrossReportRenderer(new Xhtml5BaseSink(html), ReportMessages.of(Locale.ENGLISH), ReportData.read(cross(), surefire()),
                "target/cross", "target/surefire-reports").render();
        return html.toString();
    }

    @Test
    void withoutDataThePageSaysHowToProduceIt() throws IOException {
        String html = render();

        assertTrue(html.contains("No cross build data yet"), html);
        assertTrue(html.contains("nothing under target/cross to show"), html);
        assertTrue(html.contains("mvn package site -Dcross.file=linux-arm64.ini"), html);
        assertFalse(html.contains("Machines"), html);
    }

    @Test
    void machinesAndHowHostBinariesRun() throws IOException {
        arm64();

        String html = text(render());

        assertTrue(html.contains("Classifier linux-aarch_64"), html);
        assertTrue(html.contains("host (runs the outputs) linux aarch64 aarch64 little 64-bit"), html);
        assertTrue(html.contains("build (runs the compilers) linux x86_64 x86_64 little 64-bit"), html);
        assertTrue(html.contains("yes, through the exe_wrapper qemu-aarch64 -L /usr/aarch64-linux-gnu"), html);
    }

    @Test
    void crossFilesInLayeredOrderWithTheirSettings() throws IOException {
        arm64();

        String html = text(render());

        assertTrue(html.contains("1. preset:linux-arm64.ini Bundled preset of cross-core."), html);
        assertTrue(html.contains("2. local.ini File: /project/local.ini"), html);
        assertTrue(html.contains("[binaries] exe_wrapper ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu'] 22"), html);
        assertTrue(html.indexOf("1. preset:linux-arm64.ini") < html.indexOf("2. local.ini"), html);
    }

    @Test
    void toolchainDoctorAndChecks() throws IOException {
        arm64();

        String html = text(render());

        assertTrue(html.contains("c /usr/bin/aarch64-linux-gnu-gcc gcc 12.2.0 aarch64-linux-gnu preset:linux-arm64.ini:14 [binaries] c"), html);
        assertTrue(html.contains("OK Ready: every piece the build needs is there."), html);
        assertTrue(html.contains("OK C compiler /usr/bin/aarch64-linux-gnu-gcc (gcc 12.2.0, aarch64-linux-gnu) -"), html);
        assertTrue(html.contains("sizeof long 8 SIZEOF_LONG cross.sizeof.long"), html);
        assertTrue(html.contains("sizeof struct nope unknown type SIZEOF_STRUCT_NOPE"), html);
        assertTrue(html.contains("function strlcpy no HAVE_STRLCPY"), html);
        assertTrue(html.contains("define _WIN32 not defined CROSS_DEFINE__WIN32"), html);
    }

    @Test
    void outputsWithTheirVerifiedMachine() throws IOException {
        arm64();

        String html = text(render());

        assertTrue(html.contains("lib/libhello.so shared library 67,560 bytes EM_AARCH64 (aarch64, 64-bit, little) yes debug/libhello.so.debug no problems"), html);
        assertTrue(html.contains("bin/hello-cli executable 67,696 bytes EM_AARCH64 (aarch64, 64-bit, little)"), html);
        assertTrue(html.contains("SHA-256 0b02d04a63fa24427a5a0213c849cb36ac1fd1c0df01595abc80bbb3c9b1ada0"), html);
        assertTrue(html.contains("SONAME libhello.so DT_NEEDED libc.so.6 Highest GLIBC version 2.17"), html);
        assertTrue(html.contains("Verified against verified: linux/aarch64 (64-bit little-endian)"), html);
        assertTrue(html.contains("Archive members 2 Member kinds ELF 64-bit little-endian AArch64 relocatable"), html);
    }

    @Test
    void portabilityProblemsWithTheirRemedies() throws IOException {
        arm64();

        String page = render();
        String html = text(page);

        assertTrue(html.contains("bin/hello-cli executable 67,696 bytes EM_AARCH64 (aarch64, 64-bit, little) yes "
                + "debug/hello-cli.debug 1 problem"), html);
        assertTrue(html.contains("lib/libutil.a static library"), html);
        assertTrue(html.contains("Portability 1 problem Portability limits maxGlibc 2.17 Portability problems "
                + "__libc_start_main@GLIBC_2.34 (libc.so.6) is newer than maxGlibc 2.17; no object of the target "
                + "references it"), html);
        assertTrue(html.contains("Remedies Build against an older C library"), html);
        assertTrue(html.contains("Portability no problems Portability limits maxGlibc 2.17 Verified against"), html);
        assertTrue(page.contains("class=\"label label-warning cross-warning\">1 problem<"), page);
        assertTrue(page.contains("class=\"label label-success cross-ok\">no problems<"), page);
    }

    @Test
    void nativeTestResults() throws IOException {
        arm64();

        String html = text(render());

        assertTrue(html.contains("cross.linux-aarch_64.hello 3 1 1 0 1 0.25 s"), html);
        assertTrue(html.contains("test_big failed 0.01 s exit 3"), html);
        assertTrue(html.contains("test_x skipped 0.00 s exit 77"), html);
    }

    @Test
    void statusesCarryClassesTheSkinColours() throws IOException {
        arm64();

        String html = render();

        assertTrue(html.contains("class=\"label label-success cross-ok\""), html);
        assertTrue(html.contains("class=\"label label-important cross-error\">failed<"), html);
        assertTrue(html.contains("class=\"label label-warning cross-warning\">skipped<"), html);
    }

    @Test
    void severalClassifiersGetAnOverviewLinkingToTheirSections() throws IOException {
        arm64();
        copy("outputs-arm64.json", cross().resolve("linux-arm_32/outputs.json"));

        String html = render();

        assertTrue(html.contains("href=\"#classifier-linux-aarch_64\""), html);
        assertTrue(html.contains("href=\"#classifier-linux-arm_32\""), html);
        assertTrue(html.contains("id=\"classifier-linux-arm_32\""), html);
        assertTrue(text(html).contains("setup.json is missing: cross:setup has not run for this classifier."), html);
        assertTrue(html.contains("id=\"linux-arm_32-outputs\""), html);
        List<String> ids = new ArrayList<>();
        Matcher id = Pattern.compile("id=\"([^\"]+)\"").matcher(html);
        while (id.find()) {
            assertFalse(ids.contains(id.group(1)), "id " + id.group(1) + " twice in\n" + html);
            ids.add(id.group(1));
        }
    }

    @Test
    void valuesFromTheFilesAreEscapedNotMarkup() throws IOException {
        arm64();
        Path setup = cross().resolve("linux-aarch_64/setup.json");
        Files.writeString(setup, Files.readString(setup).replace("/usr/aarch64-linux-gnu/lib/libc.so", "<script>alert(1)</script>"));

        String html = render();

        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }

    /** Every text is a MessageFormat pattern: a lone single quote would silently swallow text. */
    @Test
    void everyTextOfTheBundleFormatsAsWritten() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/cross-report.properties")) {
            texts.load(in);
        }
        List<String> bad = new ArrayList<>();
        for (String key : texts.stringPropertyNames()) {
            if (texts.getProperty(key).replace("''", "").contains("'")) {
                bad.add(key);
            }
        }
        assertEquals(List.of(), bad);
        assertEquals("What cross built for each host machine: the machines, the cross files, the toolchain, the doctor's findings, "
                + "the compiler checks, the verified outputs and the native test results.",
                ReportMessages.of(Locale.ENGLISH).get("report.description"));
    }

    /** The text of the page with tags removed and whitespace collapsed, to assert what a reader sees in a row. */
    private static String text(String html) {
        Matcher tags = Pattern.compile("<[^>]*>").matcher(html);
        return tags.replaceAll(" ").replace("&#x2019;", "'").replace("&#39;", "'").replace("&amp;", "&")
                .replaceAll("\\s+", " ");
    }
}
