/**
 * A small template engine (compile once into a node tree, render many times) and the template service that
 * caches compiled templates in a Caffeine cache that records statistics.
 */
@NullMarked
package dev.perfgate.examples.generator.template;

import org.jspecify.annotations.NullMarked;
