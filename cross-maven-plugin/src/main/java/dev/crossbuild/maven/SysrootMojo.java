package dev.crossbuild.maven;

import dev.crossbuild.error.CrossException;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.hosts.HostTarget;
import dev.crossbuild.setup.CrossSetup;
import dev.crossbuild.setup.SysrootSettings;
import dev.crossbuild.sysroot.Sysroot;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Fetches the private sysroot of each host machine, as setup does ({@code cross.sysrootPackages} and the cross
 * file's {@code [properties] sysroot_packages}), and logs its folder and packages: for CI jobs that fill the cache
 * (the folder {@code cross.sysrootCache}, default {@code ~/.cache/cross/sysroots}) in a step of their own, before
 * an offline build. Runs without a project too:
 * {@code mvn dev.crossbuild:cross-maven-plugin:sysroot -Dcross.file=linux-arm64.ini -Dcross.sysrootPackages=zlib1g-dev}.
 */
@Mojo(name = "sysroot", requiresProject = false, threadSafe = true)
public class SysrootMojo extends AbstractBuildMojo {

    @Override
    protected String goal() {
        return "sysroot";
    }

    @Override
    protected void run() throws CrossException, IOException {
        for (HostTarget host : hostTargets()) {
            String prefix = multiTarget() ? "[" + host.spec() + "] " : "";
            SysrootSettings settings = sysrootSettings(line -> getLog().info(prefix + line));
            Optional<Sysroot> sysroot = new CrossSetup(HostEnvironment.system(), runner()).sysroot(host.crossFiles(),
                    orEmpty(nativeFiles), searchFirst(), Optional.of(buildRoot()), settings);
            if (sysroot.isEmpty()) {
                throw new ParameterException("cross.sysrootPackages", prefix + "no sysroot packages: name them with "
                        + "<sysrootPackages><package>zlib1g-dev</package></sysrootPackages> (-Dcross.sysrootPackages="
                        + "zlib1g-dev) or [properties] sysroot_packages in the cross file");
            }
            getLog().info(prefix + "sysroot: " + sysroot.get().root());
            sysroot.get().packages().forEach(p -> getLog().info(prefix + "  " + p));
        }
    }
}
