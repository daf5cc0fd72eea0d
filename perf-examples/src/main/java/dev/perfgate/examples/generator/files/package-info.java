/** The file service: writes generated files, skipping those whose content on disk is already the same. */
package dev.perfgate.examples.generator.files;
