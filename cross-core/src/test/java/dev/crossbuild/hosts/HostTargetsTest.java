package dev.crossbuild.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.machine.Aliases;
import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostTargetsTest {

    @Test
    void commasSeparateTargetsAndPlusLayersFilesWithinOne() throws Exception {
        List<HostTarget> targets = HostTargets.parse(List.of("linux-arm64.ini+release.ini, windows-x64.ini"));

        assertEquals(List.of(
                new HostTarget("linux-arm64.ini+release.ini", List.of("linux-arm64.ini", "release.ini"), Optional.empty()),
                new HostTarget("windows-x64.ini", List.of("windows-x64.ini"), Optional.empty())), targets);
    }

    @Test
    void pomElementsAndCommandLineListsReadTheSame() throws Exception {
        assertEquals(HostTargets.parse(List.of("a.ini", "b.ini+c.ini")), HostTargets.parse(List.of("a.ini,b.ini+c.ini")));
    }

    @Test
    void aClassifierInFrontNamesTheTarget() throws Exception {
        assertEquals(List.of(new HostTarget("arm64-release=linux-arm64.ini+release.ini",
                        List.of("linux-arm64.ini", "release.ini"), Optional.of("arm64-release"))),
                HostTargets.parse(List.of("arm64-release=linux-arm64.ini+release.ini")));
    }

    @Test
    void nothingGivenIsNoTarget() throws Exception {
        assertEquals(List.of(), HostTargets.parse(List.of()));
        assertEquals(List.of(), HostTargets.parse(List.of("")));
    }

    @Test
    void emptyEntriesAndFileNamesAreErrorsThatShowTheEntry() {
        HostTargetException comma = assertThrows(HostTargetException.class,
                () -> HostTargets.parse(List.of("a.ini,,b.ini")));
        assertEquals("cross.targets has an empty entry in 'a.ini,,b.ini'; separate targets with one comma, e.g. "
                + "linux-arm64.ini,windows-x64.ini", comma.getMessage());
        HostTargetException plus = assertThrows(HostTargetException.class, () -> HostTargets.parse(List.of("a.ini++b.ini")));
        assertEquals("a.ini++b.ini", plus.value());
    }

    @Test
    void aClassifierMustBeAPlainName() {
        for (String bad : List.of("/tmp/x", "../../escaped", "a/b", "a b", ".hidden", "", "x\0y")) {
            HostTargetException e = assertThrows(HostTargetException.class,
                    () -> HostTargets.parse(List.of(bad + "=linux-arm64.ini")), bad);
            assertEquals(bad.strip(), e.value());
        }
    }

    @Test
    void derivedClassifiersComeFromTheHostMachineAndMustBeDistinct() throws Exception {
        Map<String, Machine> hosts = Map.of(
                "linux-arm64.ini", Machine.of("linux", "aarch64", "aarch64", Endian.LITTLE),
                "windows-x64.ini", Machine.of("windows", "x86_64", "x86_64", Endian.LITTLE),
                "other-arm64.ini", Machine.of("linux", "aarch64", "aarch64", Endian.LITTLE));
        HostClassifiers.HostReader reader = target -> Aliases.classifier(hosts.get(target.crossFiles().get(0)));

        assertEquals(List.of("linux-aarch_64", "windows-x86_64"),
                HostClassifiers.assign(HostTargets.parse(List.of("linux-arm64.ini,windows-x64.ini")), reader));
        assertEquals(List.of("linux-aarch_64", "mine"),
                HostClassifiers.assign(HostTargets.parse(List.of("linux-arm64.ini,mine=other-arm64.ini")), reader));

        HostTargetException clash = assertThrows(HostTargetException.class, () -> HostClassifiers.assign(
                HostTargets.parse(List.of("linux-arm64.ini,other-arm64.ini")), reader));
        assertEquals("cross.targets entries 'linux-arm64.ini' and 'other-arm64.ini' are both for classifier "
                + "linux-aarch_64; build each host machine once, or name one: other-name=other-arm64.ini", clash.getMessage());
    }
}
