import groovy.json.JsonSlurper
import java.util.zip.ZipFile

File root = new File(basedir, 'target/cross/linux-aarch_64')
String log = new File(basedir, 'build.log').text

// setup confirmed the build machine's compiler next to the aarch64 one
def setup = new JsonSlurper().parse(new File(root, 'setup.json'))
assert setup.build.compilers.c.triple == 'x86_64-linux-gnu' : setup.build.compilers
assert setup.host.compilers.c.triple == 'aarch64-linux-gnu'
assert log.contains('C compiler for the build machine: ')

// the generator: built once with the build machine's cc, run once (the second build ran nothing)
File tool = new File(root, 'build-machine/bin/gen-table')
assert tool.isFile()
byte[] elf = tool.bytes
assert elf[0] == 0x7f && elf[1] == (byte) 'E' && elf[18] == 62 : 'gen-table is not an x86-64 ELF executable'
assert log.count('[build machine] [1/1] CC src/build/c/gen-table.c') == 1 : 'gen-table compiled more than once'
assert log.count('[build machine] [1/1] LINK bin/gen-table') == 1
assert log.count('[1/1] GEN target/cross/linux-aarch_64/generated/table/table.c target/cross/linux-aarch_64/generated/table/table.h (gen-table)') == 1
assert log.count('gen-table: gen-table wrote 16 entries (built for 64-bit)') == 1
assert log.count('ran 1 of 1 generator (0 up to date)') == 1
assert log.count('ran 0 of 1 generator (1 up to date)') == 1 : 'the no-op build reran the generator'
assert log.contains('[build machine] compiled 0 of 1 sources (1 up to date)')
assert log.contains('compiled 0 of 3 sources (3 up to date)') : 'the no-op build recompiled host sources'

// its outputs joined the library's sources and headers
File table = new File(root, 'generated/table/table.c')
assert table.text.contains('const int table[] = {0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121, 144, 169, 196, 225};')
assert new File(root, 'generated/table/table.h').isFile()
assert new File(root, 'obj/library/table/table.c.o').isFile()
assert log.contains('CC target/cross/linux-aarch_64/generated/table/table.c')

// the host program prints from the table under qemu
File cli = new File(root, 'bin/table-cli')
def process = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu', cli.path].execute()
String output = process.text
assert process.waitFor() == 0
assert output == 'table[7] = 49, table[15] = 225\n' : output

// the attached jar holds the host outputs only: never the build-machine tool
File jar = new File(basedir, 'target/build-generator-1.0-SNAPSHOT-linux-aarch_64.jar')
def entries = new ZipFile(jar).withCloseable { zip -> zip.entries().collect { it.name } }
assert entries.contains('META-INF/native/linux-aarch_64/libtable.so') : entries
assert entries.contains('META-INF/native/linux-aarch_64/table-cli') : entries
assert !entries.any { it.contains('gen-table') } : entries
true
