package io.ethdev4j.testpmd.cmd;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.testpmd.TestPmdConfig;

import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The {@code testpmd> } shell: JLine (editing, history, completion from the {@link CommandTable}) on a terminal,
 * plain lines from a pipe or {@code --cmdline-file}. Each line is run through the table; a line that runs nothing
 * gets DPDK's {@code Command not found} / {@code Bad arguments} and the shell goes on.
 */
public final class CommandShell
{
    public static final String PROMPT = "testpmd> ";
    /** How often a shell waiting for a line checks for a signal. */
    private static final long QUIT_POLL_MS = 50;
    /** Queued by the stdin reader at end of input (compared by identity). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String END_OF_INPUT = new String("<eof>");

    private final CommandTable table;
    private final PrintStream out;
    private final PrintStream err;
    private final BooleanSupplier finished;
    private volatile boolean quit;
    /** The thread blocked in JLine's readLine, interrupted by {@link #requestQuit}. */
    private volatile Thread reader;

    /**
     * @param finished true once the application is done ({@code quit} ran): the shell stops reading
     */
    public CommandShell(final CommandTable table, final PrintStream out, final PrintStream err, final BooleanSupplier finished)
    {
        this.table = table;
        this.out = out;
        this.err = err;
        this.finished = finished;
    }

    /** SIGINT/SIGTERM: leave the shell (the caller then quits). */
    public void requestQuit()
    {
        quit = true;
        final Thread t = reader;
        if (t != null)
        {
            t.interrupt();
        }
    }

    private boolean done()
    {
        return quit || finished.getAsBoolean();
    }

    /** --cmdline-file: runs each line without echo, then "Read CLI commands from FILE". */
    public void runFile(final String file)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(Path.of(file));
        }
        catch (final IOException ex)
        {
            err.printf("Failed to open file %s: %s%n", file, ex.getMessage());
            return;
        }
        for (final String l : lines)
        {
            if (done())
            {
                return;
            }
            execute(l);
        }
        out.println("Read CLI commands from " + file);
    }

    /** The shell proper; returns after {@code quit}, end of input or a signal. */
    public void interactive(final InputStream in)
    {
        if (in == System.in && System.console() != null)
        {
            try
            {
                jline();
                return;
            }
            catch (final IOException | RuntimeException ex)
            {
                err.println("testpmd: line editing unavailable (" + ex.getMessage() + "), reading plain lines");
            }
        }
        plainLines(in);
    }

    /**
     * A pipe, a FIFO or a file: a daemon thread reads the lines (a read cannot be interrupted), this thread runs them
     * and also wakes on {@link #requestQuit}, so SIGINT/SIGTERM end the shell even while stdin stays open.
     */
    private void plainLines(final InputStream in)
    {
        final BlockingQueue<String> lines = new ArrayBlockingQueue<>(1);
        final Thread lineReader = new Thread(() ->
        {
            final BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            try
            {
                for (String l = r.readLine(); l != null; l = r.readLine())
                {
                    lines.put(l);
                }
            }
            catch (final IOException ex)
            {
                // end of input
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            try
            {
                lines.put(END_OF_INPUT);
            }
            catch (final InterruptedException ex)
            {
                // shell gone
            }
        }, "testpmd-stdin");
        lineReader.setDaemon(true);
        lineReader.start();
        while (!done())
        {
            out.print(PROMPT);
            out.flush();
            String line = null;
            try
            {
                while (line == null && !done())
                {
                    line = lines.poll(QUIT_POLL_MS, TimeUnit.MILLISECONDS);
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                break;
            }
            if (line == null)
            {
                out.println();
                break;
            }
            if (line == END_OF_INPUT)
            {
                out.println();
                break;
            }
            out.println(line);
            execute(line);
            out.flush();
        }
    }

    private void jline() throws IOException
    {
        try (Terminal term = TerminalBuilder.builder().system(true).build())
        {
            final LineReader lineReader = LineReaderBuilder.builder()
                .terminal(term)
                .appName("testpmd")
                .completer((lr, line, candidates) ->
                {
                    final List<String> words = new ArrayList<>(line.words().subList(0, line.wordIndex()));
                    for (final String w : table.complete(words))
                    {
                        candidates.add(new Candidate(w));
                    }
                })
                .build();
            reader = Thread.currentThread();
            while (!done())
            {
                final String line;
                try
                {
                    line = lineReader.readLine(PROMPT);
                }
                catch (final UserInterruptException | EndOfFileException ex)
                {
                    out.println();
                    break;
                }
                execute(line);
                out.flush();
            }
        }
        finally
        {
            reader = null;
        }
    }

    /** Runs one command line. Never throws. */
    public void execute(final String line)
    {
        final CommandTable.Parsed p = table.parse(line);
        if (p.status() != CommandTable.Status.OK)
        {
            if (p.status().message() != null)
            {
                out.println(p.status().message());
            }
            return;
        }
        try
        {
            p.command().handler().run(p.args());
        }
        catch (final TestPmdConfig.Rejected ex)
        {
            err.println(ex.getMessage());
        }
        catch (final EthDevException ex)
        {
            err.println(ex.getMessage());
        }
        catch (final RuntimeException ex)
        {
            err.println("testpmd: command failed: " + ex);
        }
    }
}
