using System.Globalization;
using System.Text;

namespace SplitBrain;

/// <summary>
/// What the clients saw: every operation they asked for, with its invocation and completion, in the order
/// the events happened. A checker asks whether one single copy, applying the operations one at a time,
/// could have produced it (<see cref="Linearizability"/>).
/// </summary>
/// <remarks>
/// Read one from a file with <see cref="Load"/> (Jepsen's EDN lines, or Jepsen's etcd log), write one with
/// <see cref="ToEdn"/>. A scenario run records one in <see cref="ScenarioResult.History"/>.
/// </remarks>
public sealed class History
{
    /// <summary>Makes a history from operations numbered 0, 1, 2… in order of invocation.</summary>
    /// <param name="operations">The operations.</param>
    public History(IReadOnlyList<Operation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        Operations = operations;
    }

    /// <summary>The operations, in order of invocation.</summary>
    public IReadOnlyList<Operation> Operations { get; }

    /// <summary>How many operations there are.</summary>
    public int Count => Operations.Count;

    /// <summary>The functions the history uses, like <c>read, write, cas</c>.</summary>
    public IReadOnlyList<string> Functions => Operations.Select(o => o.Function).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>Reads a history file: Jepsen's etcd log (lines with <c>jepsen.util -</c>) or EDN lines, one event per line.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="HistoryFormatException">A line is malformed; the message names it.</exception>
    public static History Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Reads a history from text: Jepsen's etcd log or EDN lines, whichever it is.</summary>
    /// <param name="text">The file's text.</param>
    /// <exception cref="HistoryFormatException">A line is malformed; the message names it.</exception>
    public static History Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains("jepsen.util", StringComparison.Ordinal) && !text.TrimStart().StartsWith('{')
            ? ParseJepsenLog(text)
            : ParseEdn(text);
    }

    /// <summary>
    /// Reads Jepsen EDN lines such as <c>{:process 0, :type :invoke, :f :withdraw, :value 60}</c>. Blank lines and
    /// lines starting with <c>;</c> are skipped. Operations of the <c>:nemesis</c> process (faults) are not client operations and are skipped.
    /// </summary>
    /// <param name="text">The lines.</param>
    /// <exception cref="HistoryFormatException">A line is malformed; the message names it.</exception>
    public static History ParseEdn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new HistoryBuilder();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith(';'))
            {
                continue;
            }

            object? value;
            try
            {
                value = Edn.Read(line);
            }
            catch (FormatException error)
            {
                throw new HistoryFormatException(i + 1, $"not an EDN map: {error.Message}");
            }

            if (value is not Dictionary<object, object?> map)
            {
                throw new HistoryFormatException(i + 1, "each line must be one EDN map like {:process 0, :type :invoke, :f :read, :value nil}");
            }

            object? process = Field(map, "process");
            if (process is Keyword { Name: "nemesis" })
            {
                continue;
            }

            if (process is not long p)
            {
                throw new HistoryFormatException(i + 1, $":process must be a number; got {Edn.Write(process)}");
            }

            string type = Field(map, "type") is Keyword t ? t.Name : throw new HistoryFormatException(i + 1, ":type must be one of :invoke, :ok, :fail, :info");
            string function = Field(map, "f") is Keyword f ? f.Name : throw new HistoryFormatException(i + 1, ":f must be a keyword like :read or :withdraw");
            string? key = Field(map, "key") switch
            {
                null => null,
                string s => s,
                long n => n.ToString(CultureInfo.InvariantCulture),
                Keyword k => k.Name,
                var other => throw new HistoryFormatException(i + 1, $":key must be a string; got {Edn.Write(other)}"),
            };
            TimeSpan? time = Field(map, "time") is long nanos ? TimeSpan.FromTicks(nanos / 100) : null;
            Apply(builder, i + 1, p, type, function, key, Field(map, "value"), Field(map, "error"), time);
        }

        return builder.Build();
    }

    /// <summary>
    /// Reads Jepsen's etcd test log: lines like <c>INFO  jepsen.util - 3	:ok	:read	2</c> (process, type, function, value);
    /// other lines are Jepsen's chatter and are skipped.
    /// </summary>
    /// <param name="text">The log.</param>
    /// <exception cref="HistoryFormatException">An operation line is malformed; the message names it.</exception>
    public static History ParseJepsenLog(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new HistoryBuilder();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int marker = line.IndexOf("jepsen.util - ", StringComparison.Ordinal);
            if (marker < 0)
            {
                continue;
            }

            string[] fields = line[(marker + "jepsen.util - ".Length)..].Split((char[])['\t', ' '], 4, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (fields.Length > 0 && fields[0] == ":nemesis")
            {
                continue;
            }

            if (fields.Length < 3 || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out long process)
                || !fields[1].StartsWith(':') || !fields[2].StartsWith(':'))
            {
                throw new HistoryFormatException(i + 1, "an operation line reads \"jepsen.util - PROCESS :TYPE :F VALUE\", like \"jepsen.util - 3 :ok :read 2\"");
            }

            object? value;
            try
            {
                value = fields.Length > 3 ? Edn.Read(fields[3]) : null;
            }
            catch (FormatException error)
            {
                throw new HistoryFormatException(i + 1, $"the value is not EDN: {error.Message}");
            }

            string type = fields[1][1..];
            object? error2 = null;
            if (type == "info" && value is Keyword)
            {
                error2 = value;
                value = null;
            }

            Apply(builder, i + 1, process, type, fields[2][1..], null, value, error2, null);
        }

        return builder.Build();
    }

    /// <summary>
    /// Writes the history as Jepsen-style EDN, one event per line in the order they happened, like
    /// <c>{:process 0, :type :invoke, :f :withdraw, :value 60, :time 2000000000}</c> (<c>:time</c> in nanoseconds
    /// of virtual time, when known). An operation that never completed gets an <c>:info</c> line at the end.
    /// </summary>
    public string ToEdn()
    {
        var events = new List<(long Position, Operation Operation, bool IsInvoke)>();
        foreach (var operation in Operations)
        {
            events.Add((operation.Invoked, operation, true));
            events.Add((operation.Completed ?? long.MaxValue, operation, false));
        }

        events.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Operation.Id.CompareTo(b.Operation.Id));
        var text = new StringBuilder();
        foreach (var (_, operation, isInvoke) in events)
        {
            text.Append("{:process ").Append(operation.Process.ToString(CultureInfo.InvariantCulture));
            string type = isInvoke ? "invoke" : operation.Outcome switch { OperationOutcome.Ok => "ok", OperationOutcome.Fail => "fail", _ => "info" };
            text.Append(", :type :").Append(type).Append(", :f :").Append(operation.Function);
            if (operation.Key is { } key)
            {
                text.Append(", :key ");
                Edn.Write(key, text);
            }

            text.Append(", :value ");
            Edn.Write(isInvoke || operation.Outcome == OperationOutcome.Info ? operation.Argument : operation.Result, text);
            if (!isInvoke && operation.Error is { } error)
            {
                text.Append(", :error ");
                Edn.Write(error, text);
            }

            if ((isInvoke ? operation.InvokedAt : operation.CompletedAt) is { } at)
            {
                text.Append(", :time ").Append((at.Ticks * 100).ToString(CultureInfo.InvariantCulture));
            }

            text.Append("}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// Checks this history for linearizability: against <paramref name="model"/>, or the model its operations call for
    /// (withdrawals: <see cref="Models.BankAccount"/>; get/put/append: <see cref="Models.KeyValue"/>; otherwise <see cref="Models.Register"/>).
    /// </summary>
    /// <param name="model">The model; null to infer it.</param>
    /// <param name="options">Budget and progress; null for the defaults.</param>
    public LinearizabilityResult Check(HistoryModel? model = null, CheckOptions? options = null) =>
        (model ?? Models.Infer(this)).Check(this, options);

    /// <summary>Writes <see cref="ToEdn"/> to <paramref name="path"/>.</summary>
    /// <param name="path">The file to write.</param>
    public void Save(string path) => File.WriteAllText(path, ToEdn());

    /// <summary>Reads like <c>12 operations by 3 processes (2 indeterminate)</c>.</summary>
    public override string ToString()
    {
        int processes = Operations.Select(o => o.Process).Distinct().Count();
        int open = Operations.Count(o => o.Outcome == OperationOutcome.Info);
        return $"{Count} operations by {processes} processes" + (open > 0 ? $" ({open} indeterminate)" : "");
    }

    private static void Apply(HistoryBuilder builder, int line, long process, string type, string function, string? key, object? value, object? error, TimeSpan? time)
    {
        switch (type)
        {
            case "invoke":
                if (!builder.Invoke(process, function, key, value, time))
                {
                    throw new HistoryFormatException(line, $"process {process} invokes :{function} while its :{builder.OpenFunction(process)} is still open; a process does one operation at a time");
                }

                break;
            case "ok" or "fail" or "info":
                if (builder.IsOpen(process) && builder.OpenFunction(process) != function)
                {
                    throw new HistoryFormatException(line, $"process {process} completes :{function} but its open operation is :{builder.OpenFunction(process)}");
                }

                var outcome = type switch { "ok" => OperationOutcome.Ok, "fail" => OperationOutcome.Fail, _ => OperationOutcome.Info };
                if (!builder.Complete(process, outcome, value, error, time))
                {
                    throw new HistoryFormatException(line, $"process {process} completes :{function} without invoking it first");
                }

                break;
            default:
                throw new HistoryFormatException(line, $":type :{type} is not one of :invoke, :ok, :fail, :info");
        }
    }

    private static object? Field(Dictionary<object, object?> map, string name) =>
        map.TryGetValue(new Keyword(name), out object? value) ? value : null;
}
