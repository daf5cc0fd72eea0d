/**
 * The reference scenario's system under test (shared/SCENARIO.md): a real, small model generator that reads a
 * database schema through JDBC and writes one Java model class and one TypeScript type definition per table,
 * plus an index, through cached templates.
 *
 * <p>Entry points: {@link dev.perfgate.examples.generator.ServiceRegistry#start} wires the services from a
 * {@link dev.perfgate.examples.generator.GeneratorConfig}; {@link dev.perfgate.examples.generator.Generator}
 * runs a full generation; {@link dev.perfgate.examples.generator.GenerateMain} is the command line. The
 * database itself comes from {@link dev.perfgate.examples.generator.schema.DemoDatabase}.
 */
@NullMarked
package dev.perfgate.examples.generator;

import org.jspecify.annotations.NullMarked;
