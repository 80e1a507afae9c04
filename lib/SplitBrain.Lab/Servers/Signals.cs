using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SplitBrain.Lab;

/// <summary>
/// Freezes and thaws real processes, as a long GC pause or a stalled VM would: SIGSTOP stops every thread at once,
/// and the process cannot notice; SIGCONT lets it run on as if no time had passed.
/// </summary>
public static class Signals
{
    /// <summary>Stops process <paramref name="pid"/> (SIGSTOP).</summary>
    /// <param name="pid">The process id.</param>
    public static void Freeze(int pid) => Send(pid, OperatingSystem.IsMacOS() ? 17 : 19);

    /// <summary>Lets process <paramref name="pid"/> run again (SIGCONT).</summary>
    /// <param name="pid">The process id.</param>
    public static void Thaw(int pid) => Send(pid, OperatingSystem.IsMacOS() ? 19 : 18);

    /// <summary>Kills process <paramref name="pid"/> at once (SIGKILL): no cleanup, like a power cut to the process.</summary>
    /// <param name="pid">The process id.</param>
    public static void Kill(int pid) => Send(pid, 9);

    /// <summary>Whether process <paramref name="pid"/> still exists (and is not a zombie).</summary>
    /// <param name="pid">The process id.</param>
    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return false;
            }

            string stat = $"/proc/{pid}/stat";
            return !File.Exists(stat) || !File.ReadAllText(stat).Split(") ")[^1].StartsWith('Z');
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or IOException)
        {
            return false;
        }
    }

    private static void Send(int pid, int signal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pid, 1);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("The lab freezes processes with POSIX signals: Linux or macOS.");
        }

        if (kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"Could not send signal {signal} to process {pid} (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

#pragma warning disable SYSLIB1054 // One plain libc call with int arguments: no marshalling to generate.
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
