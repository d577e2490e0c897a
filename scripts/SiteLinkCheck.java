import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the local links of generated sites: every {@code href}/{@code src} that is not external must name an
 * existing file (a folder means its index.html), and every {@code #fragment} an {@code id} or {@code name} in the
 * target page. External links (http, https, mailto ...) are counted, not fetched: the check runs offline. Run with the
 * JDK's single-file launcher: {@code java scripts/SiteLinkCheck.java target/staging [more site folders]}. Prints one
 * line per broken link ({@code page: link: problem}); exit 1 when there is any.
 */
public class SiteLinkCheck {

    private static final Pattern LINK = Pattern.compile("\\s(?:href|src)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\\s(?:id|name)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern EXTERNAL = Pattern.compile("^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)");

    private final Map<Path, Set<String>> ids = new HashMap<>();

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java SiteLinkCheck.java <site folder>...");
            System.exit(2);
        }
        SiteLinkCheck check = new SiteLinkCheck();
        List<String> broken = new ArrayList<>();
        int pages = 0;
        int local = 0;
        int external = 0;
        for (String arg : args) {
            Path root = Path.of(arg).toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) {
                broken.add(arg + ": not a folder (generate the site first)");
                continue;
            }
            List<Path> htmlFiles;
            try (Stream<Path> files = Files.walk(root)) {
                htmlFiles = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
            }
            for (Path page : htmlFiles) {
                pages++;
                Matcher link = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (link.find()) {
                    String href = link.group(1).replace("&amp;", "&").trim();
                    if (href.isEmpty() || EXTERNAL.matcher(href).find()) {
                        external += href.isEmpty() ? 0 : 1;
                        if (href.isEmpty()) {
                            broken.add(root.relativize(page) + ": empty link");
                        }
                        continue;
                    }
                    local++;
                    String problem = check.problem(page, href);
                    if (problem != null) {
                        broken.add(root.relativize(page) + ": " + href + ": " + problem);
                    }
                }
            }
        }
        broken.forEach(System.out::println);
        System.out.printf("SiteLinkCheck: %d pages, %d local links checked, %d external links not fetched, %d broken%n",
                pages, local, external, broken.size());
        if (!broken.isEmpty() || pages == 0) {
            System.exit(1);
        }
    }

    /** Why {@code href} on {@code page} is broken, or null. */
    private String problem(Path page, String href) throws IOException {
        String target = href;
        String fragment = null;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            fragment = URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
            target = target.substring(0, hash);
        }
        int query = target.indexOf('?');
        if (query >= 0) {
            target = target.substring(0, query);
        }
        Path file = target.isEmpty()
                ? page
                : page.getParent().resolve(URLDecoder.decode(target, StandardCharsets.UTF_8)).normalize();
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file)) {
            return "no such file " + file;
        }
        if (fragment == null || fragment.isEmpty() || !file.toString().endsWith(".html")) {
            return null;
        }
        return ids(file).contains(fragment) ? null : "no id \"" + fragment + "\" in " + file.getFileName();
    }

    private Set<String> ids(Path page) throws IOException {
        Set<String> found = ids.get(page);
        if (found == null) {
            found = new HashSet<>();
            Matcher id = ID.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (id.find()) {
                found.add(id.group(1));
            }
            ids.put(page, found);
        }
        return found;
    }
}
