using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Course.Grading;

/// <summary>
/// The child side of the grader. The graded test project's <c>Main</c> hands itself to <see cref="Run"/>,
/// which finds every test with <see cref="PointsAttribute"/> and runs the ones the grader asks for, one at a
/// time, reporting the start and the end of each on a channel only the grader can read and only this code can
/// write to (see <see cref="Run"/>). A test that starts and never ends hung, exited or overflowed the stack, and
/// the grader starts a fresh worker after it. What a test prints goes to a counter that keeps the first 500 characters.
/// </summary>
public static class GradingWorker
{
    /// <summary>The most lines one test may print before it fails for printing too much.</summary>
    public const int MaxLines = 10_000;

    /// <summary>The most characters one test may print before it fails for printing too much.</summary>
    public const int MaxCharacters = 1_000_000;

    /// <summary>How much of a test's output the results keep.</summary>
    public const int KeptOutput = 500;

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>
    /// Runs the graded tests of <paramref name="tests"/> for the grader. The grader writes two lines to the
    /// worker's standard input and closes it: a secret that changes with every run, then either <c>plan</c>
    /// (report every graded test) or the plan indices to run, comma-separated. Each report goes to the real
    /// standard output as one line that starts with the secret; the tests' own console output goes to a
    /// counter instead. Code under test can write to the standard output too, but it cannot know the secret
    /// (it was read and dropped before any test ran, and is on no command line, variable or file), so the
    /// grader ignores whatever it writes there.
    /// </summary>
    /// <param name="tests">The assembly that holds the graded tests.</param>
    /// <param name="args">The command line (unused: everything comes through standard input).</param>
    /// <returns>0 when every test ran (whatever its result), 2 when started by hand.</returns>
    public static int Run(Assembly tests, string[] args)
    {
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(args);
        string? secret;
        string? request;
        using (var input = Console.OpenStandardInput())
        {
            secret = ReadLine(input);
            request = ReadLine(input);
        }

        if (string.IsNullOrEmpty(secret) || request is null)
        {
            Console.Error.WriteLine("This is the graded test project. Run `course grade` (or `dotnet test`); the grader starts it itself.");
            return 2;
        }

        var channel = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        var stdout = Console.Out;
        var stderr = Console.Error;
        var plan = Discover(tests, null);
        if (request == PlanRequest)
        {
            Send(channel, secret, new WorkerLine(WorkerLine.PlanKind, Plan: plan.Select(p => p.Test).ToArray()));
            return 0;
        }

        foreach (var part in request.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int index = int.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
            Send(channel, secret, new WorkerLine(WorkerLine.StartKind, index));
            var capture = new CappedWriter(KeptOutput, MaxLines, MaxCharacters);
            Console.SetOut(capture);
            Console.SetError(capture);
            var (status, message) = RunOne(plan[index].Method);
            Console.SetOut(TextWriter.Null);
            Console.SetError(TextWriter.Null);
            if (capture.Exceeded)
            {
                status = TestStatus.Fail;
                message = $"The code printed more than {MaxLines:N0} lines or {MaxCharacters:N0} characters, the most a test may print, and was stopped there. Remove the debugging output from the loop.";
            }

            Send(channel, secret, new WorkerLine(WorkerLine.EndKind, index, Status: status, Message: message, Output: capture.Kept));
        }

        Console.SetOut(stdout);
        Console.SetError(stderr);
        channel.Flush();
        // Ends the process even if a test left a foreground thread running.
        Environment.Exit(0);
        return 0;
    }

    /// <summary>What the grader sends instead of test indices to ask for the plan.</summary>
    internal const string PlanRequest = "plan";

    private static string? ReadLine(Stream input)
    {
        var bytes = new List<byte>();
        while (bytes.Count < 1_000_000)
        {
            int b = input.ReadByte();
            if (b < 0)
            {
                return null;
            }

            if (b == '\n')
            {
                return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
            }

            bytes.Add((byte)b);
        }

        return null;
    }

    internal static IReadOnlyList<(GradedTest Test, MethodInfo Method)> Discover(Assembly tests, int? exercise)
    {
        var found = new List<(GradedTest, MethodInfo, int, int)>();
        foreach (var type in tests.GetTypes())
        {
            var info = type.GetCustomAttribute<ExerciseAttribute>();
            if (info is null || type.IsAbstract || (exercise is { } only && info.Number != only))
            {
                continue;
            }

            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<PointsAttribute>() is { } points)
                {
                    var test = new GradedTest($"{type.Name}.{method.Name}", info.Number, info.Title, info.Hint, points.Points);
                    found.Add((test, method, info.Number, method.MetadataToken));
                }
            }
        }

        return found.OrderBy(f => f.Item3).ThenBy(f => f.Item1.Name.Split('.')[0], StringComparer.Ordinal).ThenBy(f => f.Item4)
            .Select(f => (f.Item1, f.Item2)).ToArray();
    }

    private static (TestStatus Status, string? Message) RunOne(MethodInfo method)
    {
        try
        {
            object instance = Activator.CreateInstance(method.DeclaringType!)!;
            try
            {
                if (method.Invoke(instance, null) is Task task)
                {
                    task.GetAwaiter().GetResult();
                }
            }
            finally
            {
                (instance as IDisposable)?.Dispose();
            }

            return (TestStatus.Pass, null);
        }
        catch (Exception thrown)
        {
            return (TestStatus.Fail, Describe(Unwrap(thrown)));
        }
    }

    private static Exception Unwrap(Exception thrown)
    {
        while (thrown is TargetInvocationException { InnerException: { } inner })
        {
            thrown = inner;
        }

        return thrown;
    }

    /// <summary>Says why a test failed, for a learner: the assertion's own words, or what the code threw and where.</summary>
    internal static string Describe(Exception thrown)
    {
        if (thrown.GetType().FullName?.StartsWith("Xunit.", StringComparison.Ordinal) == true)
        {
            return thrown.Message;
        }

        string where = FirstFrame(thrown);
        if (thrown is NotImplementedException)
        {
            return $"Not implemented yet: {where} still throws NotImplementedException.";
        }

        return $"The code threw {thrown.GetType().Name}: {thrown.Message} ({where}).";
    }

    private static string FirstFrame(Exception thrown)
    {
        var frame = new System.Diagnostics.StackTrace(thrown, false).GetFrames().FirstOrDefault(f => f.GetMethod() is not null);
        var method = frame?.GetMethod();
        if (method is null)
        {
            return "unknown place";
        }

        string name = method.Name switch
        {
            ".ctor" => "constructor",
            _ when method.Name.StartsWith("get_", StringComparison.Ordinal) || method.Name.StartsWith("set_", StringComparison.Ordinal) => method.Name[4..],
            _ => method.Name,
        };
        return $"{method.DeclaringType?.Name}.{name}";
    }

    private static void Send(StreamWriter channel, string secret, WorkerLine line) =>
        channel.Write(secret + " " + JsonSerializer.Serialize(line, Json) + "\n");
}
