package dev.perfgate.collectors.jfr.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Marks, on the recording's own clock, where a trial's window opens: right after the collection
 * that sets the starting level. Internal.
 *
 * <p>Comparing the events' times with {@code Instant.now()} instead let that collection's "before"
 * heap summary into the window now and then: JFR converts its ticks to wall-clock time with an
 * offset of its own, and under a load average of 20 on 2 cores a summary taken before the window
 * opened read as inside it once in 20 runs, so the heap peak above the start of a trial that held
 * 50 MB read 482 MB (the garbage of the tests before it).
 */
@Name("dev.perfgate.WindowOpened")
@Label("Perfgate window opened")
@Category("Perfgate")
@Description("Where a trial's measuring window opens, after the starting collection")
@StackTrace(false)
public final class WindowOpened extends Event {
}
