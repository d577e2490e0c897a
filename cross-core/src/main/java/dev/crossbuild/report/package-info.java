/**
 * What the site report shows, read back from the files a build wrote under {@code target/cross/<classifier>/}
 * ({@code setup.json}, {@code outputs.json}) and from the native tests' JUnit XML. Readers only: nothing here runs a
 * tool or writes a file. Damaged content becomes a problem line of its classifier, never an exception, so a site
 * build shows what it can.
 */
package dev.crossbuild.report;
