using System.Text.Json;

namespace SplitBrain.Lab;

/// <summary>
/// Runs <c>course lab --json</c> in its own process and reads its report: how a notebook runs the lab without
/// loading any database driver into its kernel.
/// </summary>
public static class LabCourse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The longest lab (3 etcd members, PostgreSQL, a 60 s pause) takes well under this.
    private static readonly TimeSpan LabLimit = TimeSpan.FromMinutes(5);

    /// <summary>Runs the lab through the built course program and returns its report.</summary>
    /// <param name="courseDll">The built <c>course.dll</c>, e.g. <c>../lib/Course.Cli/bin/Debug/net10.0/course.dll</c>.</param>
    /// <param name="options">The lab's options, as on the command line: <c>--store</c>, <c>--coordinator</c>, <c>--pause</c>, <c>--etcd-nodes</c>.</param>
    /// <exception cref="InvalidOperationException">The lab failed; the message has its errors.</exception>
    /// <exception cref="TimeoutException">The lab ran longer than 5 minutes and was stopped.</exception>
    public static async Task<LabReport> RunAsync(string courseDll, params string[] options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(courseDll);
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(courseDll))
        {
            throw new ArgumentException($"{Path.GetFullPath(courseDll)} does not exist: build the course first (dotnet build course.sln).", nameof(courseDll));
        }

        // Exit code 0 is a safe run, 1 an unsafe one: both print a report.
        string[] arguments = [Path.GetFullPath(courseDll), "lab", "--json", .. options];
        var (exitCode, text, errors) = await ServerProcess.RunToEndAsync("dotnet", arguments, LabLimit, CancellationToken.None);
        if (exitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"course lab failed ({exitCode}): {errors.Trim()}");
        }

        return FromJson(text);
    }

    /// <summary>Reads the JSON that <c>course lab --json</c> prints.</summary>
    /// <param name="json">The JSON text.</param>
    public static LabReport FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return JsonSerializer.Deserialize<LabReport>(json, Json) ?? throw new ArgumentException("The JSON is empty.", nameof(json));
    }
}
