package io.ethdev4j.vm;

import io.ethdev4j.pci.qemu.QemuBinary;
import io.ethdev4j.testkit.Prerequisites;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The VFIO test suite on a real kernel, run from the normal build: boots the guest of {@code tools/vm-test.sh}
 * twice (with the emulated IOMMU and the error-path devices, then without an IOMMU), runs the guest test classes
 * ({@code io.ethdev4j.vm.guest}) there with {@code tools/vm/guest-tests.sh}, and reports every guest test as a test
 * of its own. A guest test that was skipped is a failure here: every prerequisite exists in the guest.
 * Skips (fails under {@code CI=true}) without QEMU.
 */
class VfioGuestSuiteTest
{
    private static final Path ROOT = findRoot();
    private static final Path REPORTS = ROOT.resolve("vm-tests/target/guest-reports");

    private static Path findRoot()
    {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isExecutable(p.resolve("tools/vm-test.sh")))
        {
            p = p.getParent();
        }
        if (p == null)
        {
            throw new IllegalStateException("tools/vm-test.sh not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    @TestFactory
    List<DynamicNode> guestWithIommu()
    {
        requireQemu();
        return boot("guest (vfio-pci, intel-iommu)", "iommu", 900,
            List.of("--nics", "2", "--error-devices", "--hugepages", "160", "--mem", "2560"), List.of());
    }

    @TestFactory
    List<DynamicNode> guestWithoutIommu()
    {
        requireQemu();
        return boot("guest (no IOMMU)", "no-iommu", 300, List.of("--nics", "1", "--no-iommu"),
            List.of("--tags", "no-iommu"));
    }

    private static void requireQemu()
    {
        Prerequisites.require(QemuBinary.locate().isPresent(), "needs qemu-system-x86_64 >= " +
            QemuBinary.MIN_MAJOR_VERSION + " (run tools/setup.sh)");
    }

    /** Boots the guest, runs the guest tests, and turns the guest's JUnit report into dynamic tests. */
    private static List<DynamicNode> boot(final String name, final String reportName, final int timeoutS,
        final List<String> vmOptions, final List<String> testOptions)
    {
        final Path reports = REPORTS.resolve(reportName);
        final List<String> cmd = new ArrayList<>();
        cmd.add(ROOT.resolve("tools/vm-test.sh").toString());
        cmd.addAll(vmOptions);
        cmd.add("--timeout");
        cmd.add(String.valueOf(timeoutS));
        cmd.add("--");
        cmd.add(ROOT.resolve("tools/vm/guest-tests.sh").toString());
        cmd.add("--reports");
        cmd.add(reports.toString());
        cmd.addAll(testOptions);
        final Deque<String> tail = new ArrayDeque<>();
        final int rc;
        try
        {
            deleteReports(reports);
            final Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = r.readLine()) != null)
                {
                    System.out.println("[" + reportName + "] " + line);
                    tail.addLast(line);
                    if (tail.size() > 60)
                    {
                        tail.removeFirst();
                    }
                }
            }
            if (!p.waitFor(timeoutS + 30L, TimeUnit.SECONDS))
            {
                p.destroyForcibly();
                throw new AssertionError("tools/vm-test.sh did not exit within " + (timeoutS + 30) + " s");
            }
            rc = p.exitValue();
        }
        catch (final Exception ex)
        {
            return List.of(DynamicTest.dynamicTest(name + ": boot", () -> fail("running " + cmd + " failed: " + ex, ex)));
        }
        final List<DynamicNode> nodes = new ArrayList<>();
        final Path xml = reports.resolve("TEST-junit-jupiter.xml");
        final String context = "tools/vm-test.sh exited " + rc + "; its last lines:\n" + String.join("\n", tail);
        if (!Files.isRegularFile(xml))
        {
            nodes.add(DynamicTest.dynamicTest(name + ": boot and run", () -> fail("no guest test report " + xml + "\n" +
                context)));
            return nodes;
        }
        final List<DynamicNode> cases = parse(xml, context);
        nodes.add(DynamicContainer.dynamicContainer(name, cases));
        nodes.add(DynamicTest.dynamicTest(name + ": exit status", () ->
        {
            if (rc != 0)
            {
                fail(context);
            }
            if (cases.isEmpty())
            {
                fail("the guest ran no test\n" + context);
            }
        }));
        return nodes;
    }

    private static void deleteReports(final Path dir) throws java.io.IOException
    {
        if (Files.isDirectory(dir))
        {
            try (var s = Files.list(dir))
            {
                for (final Path f : (Iterable<Path>)s::iterator)
                {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** One dynamic test per {@code testcase} of a legacy JUnit XML report, with its outcome. */
    private static List<DynamicNode> parse(final Path xml, final String context)
    {
        final List<DynamicNode> out = new ArrayList<>();
        try
        {
            final Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
            final NodeList cases = d.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++)
            {
                final Element c = (Element)cases.item(i);
                final String cls = c.getAttribute("classname");
                final String display = cls.substring(cls.lastIndexOf('.') + 1) + "." + c.getAttribute("name") +
                    " (" + c.getAttribute("time") + " s)";
                final String problem = outcome(c);
                out.add(DynamicTest.dynamicTest(display, () ->
                {
                    if (problem != null)
                    {
                        fail(problem);
                    }
                }));
            }
        }
        catch (final Exception ex)
        {
            out.add(DynamicTest.dynamicTest("parse " + xml, () -> fail("unreadable report " + xml + ": " + ex + "\n" +
                context, ex)));
        }
        return out;
    }

    private static String outcome(final Element c)
    {
        for (final String kind : new String[] {"failure", "error", "skipped"})
        {
            final NodeList l = c.getElementsByTagName(kind);
            if (l.getLength() > 0)
            {
                final Element e = (Element)l.item(0);
                final String msg = e.getAttribute("message");
                final String body = e.getTextContent();
                return ("skipped".equals(kind) ? "skipped in the guest (every prerequisite is there, so a skip is a " +
                    "failure): " : kind + " in the guest: ") + msg + (body == null || body.isBlank() ? "" : "\n" + body);
            }
        }
        return null;
    }
}
