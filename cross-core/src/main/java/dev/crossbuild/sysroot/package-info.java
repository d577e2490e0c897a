/**
 * Private sysroots from Debian packages: the libraries a host machine's code links against ({@code zlib1g-dev},
 * {@code libssl-dev}, {@code musl-dev}), fetched for the host's Debian architecture with a private package index
 * (no multiarch, no root, the build machine's apt and dpkg state untouched), checked against the archive's signed
 * indexes, unpacked into a cache shared by projects. {@link dev.crossbuild.sysroot.DebianSysroots} is the entry point;
 * the programs run through {@code exec}. Imports machine, exec, io, json and error only.
 */
package dev.crossbuild.sysroot;
