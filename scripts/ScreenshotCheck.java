import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Checks that a browser screenshot shows a real, styled page: enough distinct colours (text is anti-aliased), enough
 * ink (not a blank page), and saturated pixels (the skin's CSS loaded: coloured labels, links, code). Run with the
 * JDK's single-file launcher: {@code java scripts/ScreenshotCheck.java shot.png}. Prints the numbers; exit 1 with
 * the reason when the page looks trivial.
 */
public class ScreenshotCheck {

    static final int MIN_COLOURS = 64;
    static final double MIN_INK = 0.02;
    static final int MIN_SATURATED = 10_000;   // unstyled (no skin CSS): ~2,000 from blue links; styled: ~24,000

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java ScreenshotCheck.java <png>");
            System.exit(2);
        }
        BufferedImage image = ImageIO.read(new File(args[0]));
        if (image == null) {
            fail(args[0] + " is not an image ImageIO can read");
        }
        Set<Integer> colours = new HashSet<>();
        long ink = 0;
        long saturated = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (r < 235 || g < 235 || b < 235) {
                    ink++;
                }
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    saturated++;
                }
            }
        }
        double inkShare = (double) ink / ((long) image.getWidth() * image.getHeight());
        System.out.printf("%s: %dx%d, %d distinct colours, %.1f%% ink, %d saturated pixels%n", args[0],
                image.getWidth(), image.getHeight(), colours.size(), inkShare * 100, saturated);
        if (colours.size() < MIN_COLOURS) {
            fail("only " + colours.size() + " distinct colours (want >= " + MIN_COLOURS + "): the page is (nearly) empty");
        }
        if (inkShare < MIN_INK) {
            fail(String.format("only %.1f%% of the pixels are not white (want >= %.0f%%): the page is (nearly) blank", inkShare * 100, MIN_INK * 100));
        }
        if (saturated < MIN_SATURATED) {
            fail("only " + saturated + " saturated pixels (want >= " + MIN_SATURATED + "): the skin's CSS did not load");
        }
    }

    private static void fail(String reason) {
        System.err.println("ScreenshotCheck: " + reason);
        System.exit(1);
    }
}
