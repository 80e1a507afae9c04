using System.Diagnostics;

namespace Course.Grading;

/// <summary>
/// How far the grader isolates the code under test, beyond running it in a child process.
/// </summary>
/// <remarks>
/// <para><b>Linux with bubblewrap</b> (Debian's <c>bubblewrap</c> package): the worker sees the system read-only,
/// its own work folder read-only, an empty <c>/tmp</c>, and in place of the course repository, the submissions
/// folder and the grader's other work folders, empty folders; it has no network, its own process numbers and
/// its own <c>/proc</c> (so <c>/proc/&lt;parent&gt;/cwd</c> leads nowhere), and it dies with the grader.</para>
/// <para><b>Everywhere</b>: the managed heap is capped (<see cref="HeapLimitBytes"/>), so an allocation past it
/// fails that test with OutOfMemoryException; on Linux <c>prlimit</c> also caps the address space
/// (<see cref="AddressSpaceBytes"/>). Without bubblewrap (Windows, macOS, a Linux that forbids user namespaces)
/// the code under test can read and write whatever the grading user can: grade a class only where
/// <see cref="IsolatesFiles"/> is true.</para>
/// </remarks>
public sealed class Sandbox
{
    /// <summary>The most managed memory a worker may hold: 768 MiB.</summary>
    public const long HeapLimitBytes = 768L << 20;

    /// <summary>The most address space a worker may reserve on Linux: 6 GiB (the runtime reserves more than it uses).</summary>
    public const long AddressSpaceBytes = 6L << 30;

    private static readonly Lazy<Sandbox> Detected = new(Detect);
    private readonly string? bwrap;
    private readonly string? prlimit;

    private Sandbox(string? bwrap, string? prlimit)
    {
        this.bwrap = bwrap;
        this.prlimit = prlimit;
    }

    /// <summary>The best isolation this machine offers, found once per process.</summary>
    public static Sandbox Best => Detected.Value;

    /// <summary>No isolation beyond a child process and the heap cap (for a learner grading their own code).</summary>
    public static Sandbox None { get; } = new(null, null);

    /// <summary>Whether the worker's view of the files is limited (bubblewrap on Linux).</summary>
    public bool IsolatesFiles => bwrap is not null;

    /// <summary>One line for people: what is isolated here and what is not.</summary>
    public string Description => IsolatesFiles
        ? $"isolation: bubblewrap (system read-only, course and other submissions hidden, no network, own /proc), heap capped at {HeapLimitBytes >> 20} MiB" + (prlimit is null ? "" : $", address space at {AddressSpaceBytes >> 30} GiB")
        : $"isolation: a child process only, heap capped at {HeapLimitBytes >> 20} MiB (no bubblewrap here: the code under test can read and write what this user can)";

    /// <summary>The command that runs <paramref name="file"/> <paramref name="args"/> in <paramref name="work"/> under this isolation.</summary>
    /// <param name="work">The worker's folder, the only one of the grader's folders it sees.</param>
    /// <param name="hidden">Folders to hide (replaced by empty ones).</param>
    /// <param name="file">The program.</param>
    /// <param name="args">Its arguments.</param>
    public (string File, IReadOnlyList<string> Args) Wrap(string work, IReadOnlyList<string> hidden, string file, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(args);
        var command = new List<string>();
        if (bwrap is not null)
        {
            command.AddRange([bwrap, "--ro-bind", "/", "/", "--tmpfs", "/tmp", "--dev", "/dev", "--proc", "/proc"]);
            foreach (var folder in hidden)
            {
                if (Directory.Exists(folder) && !IsInside(Path.GetDirectoryName(file) ?? "/", folder))
                {
                    command.AddRange(["--tmpfs", folder]);
                }
            }

            command.AddRange(["--ro-bind", work, work, "--chdir", work, "--unshare-all", "--die-with-parent", "--new-session", "--"]);
        }

        if (prlimit is not null)
        {
            command.InsertRange(0, [prlimit, $"--as={AddressSpaceBytes}", "--"]);
        }

        if (command.Count == 0)
        {
            return (file, args);
        }

        command.Add(file);
        command.AddRange(args);
        return (command[0], command.Skip(1).ToArray());
    }

    /// <summary>The <c>dotnet</c> host that runs the worker: the one running the grader, or the first on the PATH.</summary>
    public static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, "dotnet")))
        {
            return Path.Combine(root, "dotnet");
        }

        return Which("dotnet") ?? "dotnet";
    }

    private static bool IsInside(string path, string folder)
    {
        var full = Path.GetFullPath(path).TrimEnd('/') + "/";
        return full.StartsWith(Path.GetFullPath(folder).TrimEnd('/') + "/", StringComparison.Ordinal);
    }

    private static Sandbox Detect()
    {
        if (!OperatingSystem.IsLinux())
        {
            return None;
        }

        var prlimit = Which("prlimit");
        var bwrap = Which("bwrap");
        if (bwrap is not null && !Works(bwrap, ["--ro-bind", "/", "/", "--tmpfs", "/tmp", "--dev", "/dev", "--proc", "/proc", "--unshare-all", "--die-with-parent", "--", "true"]))
        {
            bwrap = null; // installed, but this system forbids what it needs (user namespaces)
        }

        if (prlimit is not null && !Works(prlimit, [$"--as={AddressSpaceBytes}", "--", "true"]))
        {
            prlimit = null;
        }

        return new Sandbox(bwrap, prlimit);
    }

    private static bool Works(string file, IReadOnlyList<string> args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var probe = Process.Start(start)!;
            if (!probe.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                probe.Kill(entireProcessTree: true);
                return false;
            }

            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string? Which(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
