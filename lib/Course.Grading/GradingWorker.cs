using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Course.Grading;

/// <summary>
/// The child side of the grader. The graded test project's <c>Main</c> hands itself to <see cref="Run"/>,
/// which finds every test with <see cref="PointsAttribute"/> and runs them one at a time, in order, writing
/// a line to the results file before and after each. The parent (<see cref="Grader"/>) watches that file:
/// a test that starts and never ends hung, exited or overflowed the stack, and the parent restarts the
/// worker after it. What a test prints goes to a counter that keeps the first 500 characters.
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
    /// Runs the graded tests of <paramref name="tests"/>. Arguments: <c>--results FILE</c> (required),
    /// <c>--start K</c> (skip the first K tests of the plan), <c>--exercise N</c> (only that exercise).
    /// </summary>
    /// <param name="tests">The assembly that holds the graded tests.</param>
    /// <param name="args">The command line.</param>
    /// <returns>0 when every test ran (whatever its result), 2 for bad arguments.</returns>
    public static int Run(Assembly tests, string[] args)
    {
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(args);
        string? results = null;
        int start = 0;
        int? exercise = null;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--results": results = args[i + 1]; break;
                case "--start": start = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--exercise": exercise = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                default: break;
            }
        }

        if (results is null)
        {
            Console.Error.WriteLine("This is the graded test project. Run `course grade` (or `dotnet test`); the grader calls this with --results FILE.");
            return 2;
        }

        var plan = Discover(tests, exercise);
        using var file = new StreamWriter(new FileStream(results, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        Write(file, new WorkerLine(WorkerLine.PlanKind, Plan: plan.Select(p => p.Test).ToArray()));
        var stdout = Console.Out;
        var stderr = Console.Error;
        for (int index = start; index < plan.Count; index++)
        {
            Write(file, new WorkerLine(WorkerLine.StartKind, index));
            var capture = new CappedWriter(KeptOutput, MaxLines, MaxCharacters);
            Console.SetOut(capture);
            Console.SetError(capture);
            var (status, message) = RunOne(plan[index].Method);
            Console.SetOut(stdout);
            Console.SetError(stderr);
            if (capture.Exceeded)
            {
                status = TestStatus.Fail;
                message = $"The code printed more than {MaxLines:N0} lines or {MaxCharacters:N0} characters, the most a test may print, and was stopped there. Remove the debugging output from the loop.";
            }

            Write(file, new WorkerLine(WorkerLine.EndKind, index, Status: status, Message: message, Output: capture.Kept));
        }

        file.Flush();
        // Ends the process even if a test left a foreground thread running.
        Environment.Exit(0);
        return 0;
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

    private static void Write(StreamWriter file, WorkerLine line) => file.WriteLine(JsonSerializer.Serialize(line, Json));
}
