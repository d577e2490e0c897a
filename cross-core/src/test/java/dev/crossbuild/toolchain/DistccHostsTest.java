package dev.crossbuild.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DistccHostsTest {

    @Test
    void remoteHostsCountTheirLimitAndFourWithoutOne() {
        assertEquals(4, DistccHosts.remoteSlots("127.0.0.1:3632/2\n127.0.0.1:3633/2\n"));
        assertEquals(4 + 16 + 3, DistccHosts.remoteSlots("red\n@bigman/16:/opt/bin/distccd\nold:4200/3,lzo\n"));
        assertEquals(2, DistccHosts.remoteSlots("[::1]:3632/2"));
        assertEquals(8, DistccHosts.remoteSlots("user@ssh-host/8,lzo"));
    }

    @Test
    void thisMachinesEntriesAndOptionsCountNothing() {
        assertEquals(List.of("blue/3"), DistccHosts.remote("localhost/2 --randomize --localslots=4 "
                + "--localslots_cpp=8 +zeroconf blue/3 # a comment naming green/9\n"));
        assertEquals(0, DistccHosts.remoteSlots(""));
        assertEquals(0, DistccHosts.remoteSlots("localhost\n"));
    }

    @Test
    void onlyDistributorsCanBeRequested() {
        assertEquals(Optional.of("/usr/bin/distcc"), new LauncherRequest(true, Optional.of(" /usr/bin/distcc ")).distributor());
        assertEquals(Optional.empty(), new LauncherRequest(true, Optional.of(" ")).distributor());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LauncherRequest(true, Optional.of("ccache")));
        assertEquals("cross.launcher is 'ccache'; give distcc or icecc (a name on PATH or a path to one of them)",
                e.getMessage());
    }
}
