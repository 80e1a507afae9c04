using System.Text;
using System.Text.Json;

namespace SplitBrain.Playground;

/// <summary>
/// What the page's pictures need from a run, as one JSON text for playground.js: the lanes (nodes), every message
/// (sent at which step, delivered or lost at which step), the protocol events as marks, who led which term from
/// which step, and the balances of a bank run. The script draws them with plotly.js up to the scrubbed step, the
/// way the lessons draw a whole run: a space-time diagram, a leadership timeline and the balances.
/// </summary>
/// <remarks>Written with <see cref="Utf8JsonWriter"/> rather than reflection, so trimming cannot break it.</remarks>
public static class RunPicture
{
    /// <summary>The pictures' data of <paramref name="run"/> as JSON.</summary>
    /// <param name="run">A finished run.</param>
    public static string Json(PlayerRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var lines = run.Lines;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("nodes");
            foreach (var node in run.Result.Simulation.Nodes)
            {
                json.WriteStringValue(node.Name);
            }

            json.WriteEndArray();
            json.WriteNumber("end", run.Result.Simulation.Now.TotalSeconds);
            json.WriteStartArray("times");
            foreach (var line in lines)
            {
                json.WriteNumberValue(line.Time.TotalSeconds);
            }

            json.WriteEndArray();
            WriteMessages(json, lines);
            WriteMarks(json, lines);
            WriteLeaders(json, lines);
            WriteBalances(json, run);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // Every message: [send step, end step (-1 while in flight at the end), from lane, to lane, lost 0/1].
    // A delivery is matched to its send by the message object itself, as the lessons' diagram does.
    private static void WriteMessages(Utf8JsonWriter json, IReadOnlyList<TraceEntry> lines)
    {
        var open = new Dictionary<object, Queue<int>>(ReferenceEqualityComparer.Instance);
        var ends = new Dictionary<int, (int Step, bool Lost)>();
        for (int k = 0; k < lines.Count; k++)
        {
            var line = lines[k];
            if (line.Detail is not { } message)
            {
                continue;
            }

            if (line.Kind is TraceKind.Send or TraceKind.Duplicate && line.Peer is not null)
            {
                if (!open.TryGetValue(message, out var queue))
                {
                    open[message] = queue = new Queue<int>();
                }

                queue.Enqueue(k);
            }
            else if (line.Kind is TraceKind.Deliver or TraceKind.Drop && open.TryGetValue(message, out var sent) && sent.Count > 0)
            {
                ends[sent.Dequeue()] = (k, line.Kind == TraceKind.Drop);
            }
        }

        json.WriteStartArray("messages");
        for (int k = 0; k < lines.Count; k++)
        {
            var line = lines[k];
            if (line.Kind is not (TraceKind.Send or TraceKind.Duplicate) || line.Peer is not { } to || line.Node is not { } from || line.Detail is null)
            {
                continue;
            }

            var end = ends.TryGetValue(k, out var found) ? found : (Step: -1, Lost: false);
            json.WriteStartArray();
            json.WriteNumberValue(k);
            json.WriteNumberValue(end.Step);
            json.WriteNumberValue(from.Index);
            json.WriteNumberValue(to.Index);
            json.WriteNumberValue(end.Lost ? 1 : 0);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    // Every protocol event: [step, lane (-1 for the network), kind, text].
    private static void WriteMarks(Utf8JsonWriter json, IReadOnlyList<TraceEntry> lines)
    {
        json.WriteStartArray("marks");
        for (int k = 0; k < lines.Count; k++)
        {
            var line = lines[k];
            if (PlayerRun.IsTraffic(line.Kind) || line.Kind == TraceKind.Note)
            {
                continue;
            }

            json.WriteStartArray();
            json.WriteNumberValue(k);
            json.WriteNumberValue(line.Node?.Index ?? -1);
            json.WriteStringValue(line.Kind.ToString());
            json.WriteStringValue(line.ToString());
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    // Every reign: [lane, term or token, first step, last step (-1 if it lasted to the end)].
    private static void WriteLeaders(Utf8JsonWriter json, IReadOnlyList<TraceEntry> lines)
    {
        var open = new Dictionary<int, (long Term, int From)>();
        var reigns = new List<(int Node, long Term, int From, int Until)>();
        for (int k = 0; k < lines.Count; k++)
        {
            var line = lines[k];
            if (line.Node is not { } node)
            {
                continue;
            }

            if (line.Kind == TraceKind.Elected)
            {
                long term = line.Detail switch { Term t => t.Value, FencingToken token => token.Value, _ => 0 };
                if (open.Remove(node.Index, out var before))
                {
                    reigns.Add((node.Index, before.Term, before.From, k));
                }

                open[node.Index] = (term, k);
            }
            else if (line.Kind is TraceKind.SteppedDown or TraceKind.Crash && open.Remove(node.Index, out var leading))
            {
                reigns.Add((node.Index, leading.Term, leading.From, k));
            }
        }

        foreach (var (node, reign) in open)
        {
            reigns.Add((node, reign.Term, reign.From, -1));
        }

        json.WriteStartArray("leaders");
        foreach (var reign in reigns.OrderBy(r => r.From))
        {
            json.WriteStartArray();
            json.WriteNumberValue(reign.Node);
            json.WriteNumberValue(reign.Term);
            json.WriteNumberValue(reign.From);
            json.WriteNumberValue(reign.Until);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    // The balance the ledger holds, each server believes, and the cash paid out: { name: [[step, dollars], …] }.
    private static void WriteBalances(Utf8JsonWriter json, PlayerRun run)
    {
        var series = new SortedDictionary<string, List<(int Step, long Value)>>(StringComparer.Ordinal);
        long opening = run.Result.Figures.TryGetValue("initialBalance", out long value) ? value : BankStory.OpeningBalance;
        long paid = 0;
        void Add(string name, int step, long dollars)
        {
            if (!series.TryGetValue(name, out var points))
            {
                series[name] = points = [(0, name == "cash paid out" ? 0 : opening)];
            }

            points.Add((step, dollars));
        }

        var lines = run.Lines;
        for (int k = 0; k < lines.Count; k++)
        {
            var line = lines[k];
            switch (line.Kind, line.Detail)
            {
                case (TraceKind.Send, StoreReply reply) when reply.Accepted && line.Node is { } store:
                    Add($"{store.Name} (the store)", k, reply.Balance);
                    break;
                case (TraceKind.Deliver, StoreReply reply) when line.Peer is { } server:
                    Add($"{server.Name} believes", k, reply.Balance);
                    break;
                case (TraceKind.Send, SetBalance write) when line.Node is { } server:
                    Add($"{server.Name} believes", k, write.NewBalance);
                    break;
                case (TraceKind.Acknowledged, Acknowledgement ack):
                    paid += ack.Amount;
                    Add("cash paid out", k, paid);
                    break;
            }
        }

        json.WriteStartObject("balances");
        foreach (var (name, points) in series)
        {
            json.WriteStartArray(name);
            foreach (var (step, dollars) in points)
            {
                json.WriteStartArray();
                json.WriteNumberValue(step);
                json.WriteNumberValue(dollars);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
