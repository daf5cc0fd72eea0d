/** The file service: writes generated files, skipping those whose content on disk is already the same. */
@NullMarked
package dev.perfgate.examples.generator.files;

import org.jspecify.annotations.NullMarked;
