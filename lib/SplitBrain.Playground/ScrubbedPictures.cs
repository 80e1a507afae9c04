using System.Globalization;
using Plotly.NET;
using SplitBrain.Visuals;

namespace SplitBrain.Playground;

/// <summary>
/// The lessons' own pictures (<see cref="Pictures"/> in SplitBrain.Visuals) of one run cut at the scrubbed moment:
/// the space-time diagram, the leadership timeline and, for a bank run, the balances, each drawn from the trace up
/// to and including the scrubbed step; and, for a run whose clients keep a history, what the clients saw, checked
/// for linearizability (the whole run's history, drawn once per run: the page marks the scrubbed moment on it). Each comes out as the plotly.js figure JSON of
/// <see cref="FigureJson.Of"/> (the figure <c>GenericChart.toJson</c> gives), which playground.js hands to <c>Plotly.react</c>.
/// Plotly.NET's template, most of each figure's JSON and the same in all of them, is written once (<see cref="Template"/>)
/// and left out of the figures that carry it (<see cref="SharedTemplate"/>): playground.js puts it back before drawing.
/// </summary>
/// <remarks>
/// Only this class touches SplitBrain.Visuals and Plotly.NET: the page loads those assemblies lazily, after the
/// first verdict is on screen (see the project file), and calls in here only once they have loaded. Its fields hold
/// only types of the course and the base library, so the page can hold one before those assemblies arrive.
/// </remarks>
public sealed class ScrubbedPictures
{
    /// <summary>What <see cref="Json(int)"/> gives for a figure that is the same as the one it gave last time: the page keeps that one.</summary>
    public const string Unchanged = "=";

    /// <summary>
    /// What starts a figure written without its layout's <c>template</c> (<see cref="FigureJson.WithoutTemplate"/>):
    /// its template is <see cref="Template"/>, which the page puts back as <c>layout.template</c>.
    /// </summary>
    public const string SharedTemplate = "T";

    /// <summary>How many steps' figures are kept, so scrubbing back and forth over the same steps builds them once.</summary>
    public const int KeptSteps = 16;

    /// <summary>The assemblies this class needs, loaded on demand by the page.</summary>
    public static readonly IReadOnlyList<string> Assemblies =
    [
        "SplitBrain.Visuals.wasm", "Plotly.NET.wasm", "Plotly.NET.CSharp.wasm", "FSharp.Core.wasm", "DynamicObj.wasm",
        "Newtonsoft.Json.wasm", "Giraffe.ViewEngine.wasm", "System.Private.Xml.wasm", "System.Private.Xml.Linq.wasm", "System.Data.Common.wasm",
    ];

    private readonly PlayerRun run;
    private readonly TraceEntry[] lines;
    private readonly bool bank;
    private readonly Dictionary<int, string?[]> kept = [];
    private readonly Queue<int> keptOrder = new();
    private string? history;
    private bool historyDrawn;
    private readonly int[] heartbeatsUpTo;
    private string?[]? last;
    private bool showHeartbeats;
    private int buildingStep = -1;
    private string?[] building = new string?[Charts];
    private int built;
    private string? template;
    private object? templateChart; // the GenericChart Template was written from (an object: see the remarks)

    // The figures of a step, in the order space-time, leadership, balances, history: each built on its own, so that a
    // step can be built ahead one figure at a time (see PrepareOne).
    private const int Charts = 4;

    /// <summary>Prepares the pictures of <paramref name="run"/>.</summary>
    /// <param name="run">A finished run.</param>
    /// <param name="showHeartbeats">The first value of <see cref="ShowHeartbeats"/>.</param>
    public ScrubbedPictures(PlayerRun run, bool showHeartbeats = false)
    {
        ArgumentNullException.ThrowIfNull(run);
        this.run = run;
        this.showHeartbeats = showHeartbeats;
        lines = [.. run.Lines];
        bank = lines.Any(l => l.Detail is StoreReply or SetBalance);
        heartbeatsUpTo = new int[lines.Length];
        int count = 0;
        for (int k = 0; k < lines.Length; k++)
        {
            count += IsHeartbeatArrow(lines[k]) ? 1 : 0;
            heartbeatsUpTo[k] = count;
        }
    }

    /// <summary>
    /// Whether the space-time diagram draws the heartbeats (<see cref="Heartbeat"/> and <see cref="HeartbeatAck"/>).
    /// Off, as in lesson 01: they are most of a run's arrows and hide the messages that matter; the title then says
    /// how many are hidden. Changing it forgets the figures kept so far.
    /// </summary>
    public bool ShowHeartbeats
    {
        get => showHeartbeats;
        set
        {
            if (value != showHeartbeats)
            {
                showHeartbeats = value;
                kept.Clear();
                keptOrder.Clear();
                buildingStep = -1;
            }
        }
    }

    /// <summary>
    /// The template of the figures that start with <see cref="SharedTemplate"/>, as JSON text (what
    /// <see cref="FigureJson.TemplateOf"/> gives): Plotly.NET's default template, written once, when the first figure is
    /// built; null before. The page hands it to playground.js when it is not the text it sent last.
    /// </summary>
    public string? Template => template;

    /// <summary>How many heartbeat arrows (delivered or lost heartbeats and acks) the trace holds up to <paramref name="step"/>.</summary>
    /// <param name="step">The scrubbed step.</param>
    public int HeartbeatsUpTo(int step) => lines.Length == 0 || step < 0 ? 0 : heartbeatsUpTo[Math.Min(step, lines.Length - 1)];

    /// <summary>
    /// The figures of the run up to <paramref name="step"/>, in the order space-time, leadership, balances, history;
    /// the balances are null when the run has no bank, the history when its clients keep none. A figure equal to the
    /// one the previous call gave is <see cref="Unchanged"/> instead.
    /// </summary>
    /// <param name="step">The scrubbed step: the figures show trace lines 0 to <paramref name="step"/>.</param>
    public string?[] Json(int step)
    {
        var figures = Kept(step);
        var sent = new string?[figures.Length];
        for (int k = 0; k < figures.Length; k++)
        {
            sent[k] = last is not null && figures[k] is { } figure && string.Equals(figure, last[k], StringComparison.Ordinal) ? Unchanged : figures[k];
        }

        last = figures;
        return sent;
    }

    /// <summary>
    /// Builds the figures of <paramref name="step"/> ahead of time (the page does this for the steps next to the
    /// scrubbed one while the learner reads the pictures), so that scrubbing there only draws them.
    /// </summary>
    /// <param name="step">A step of the run; one outside it is ignored.</param>
    /// <returns>Whether the figures had to be built (false: they were kept already, or the step is outside the run).</returns>
    public bool Prepare(int step)
    {
        if (!PrepareOne(step))
        {
            return false;
        }

        while (PrepareOne(step))
        {
        }

        return true;
    }

    /// <summary>
    /// Builds one more figure of <paramref name="step"/> ahead of time: the page builds the next step this way right
    /// after drawing one, a figure at a time, and hears the learner's input between two figures. A later
    /// <see cref="Json(int)"/> or <see cref="PrepareOne(int)"/> of the same step goes on from the figures built so far;
    /// one of another step starts that step afresh. The figures are the same as those built all at once.
    /// </summary>
    /// <param name="step">A step of the run; one outside it is ignored.</param>
    /// <returns>Whether a figure was built (false: the step's figures were all kept already, or the step is outside the run).</returns>
    public bool PrepareOne(int step)
    {
        if (step < 0 || step >= lines.Length || kept.ContainsKey(step))
        {
            return false;
        }

        Start(step);
        BuildNext(step);
        return true;
    }

    /// <summary>The figures of <paramref name="run"/> up to <paramref name="step"/>, as <see cref="Json(int)"/> gives them to a page that has drawn none yet.</summary>
    /// <param name="run">A finished run.</param>
    /// <param name="step">The scrubbed step.</param>
    /// <param name="showHeartbeats">Whether the space-time diagram draws the heartbeats (see <see cref="ShowHeartbeats"/>).</param>
    public static string?[] Json(PlayerRun run, int step, bool showHeartbeats = false) => new ScrubbedPictures(run, showHeartbeats).Json(step);

    // A line the space-time diagram draws as a heartbeat's arrow: one SpaceTimeOptions.Hide leaves out when heartbeats are hidden.
    private static bool IsHeartbeatArrow(TraceEntry line) =>
        line.Kind is TraceKind.Deliver or TraceKind.Drop && line.Node is not null && line.Peer is not null && line.Detail is Heartbeat or HeartbeatAck;

    private string?[] Kept(int step)
    {
        if (kept.TryGetValue(step, out var figures))
        {
            return figures;
        }

        Start(step);
        while (!kept.ContainsKey(step))
        {
            BuildNext(step);
        }

        return kept[step];
    }

    // Builds the next figure of the step begun (see Start), and keeps the step once all its figures are built.
    private void BuildNext(int step)
    {
        building[built] = Draw(step, built);
        built++;
        if (built == Charts)
        {
            Keep(step, building);
        }
    }

    // Goes on building the figures of `step`, or starts them afresh if the figures begun are another step's.
    private void Start(int step)
    {
        if (buildingStep != step)
        {
            buildingStep = step;
            building = new string?[Charts];
            built = 0;
        }
    }

    private void Keep(int step, string?[] figures)
    {
        kept[step] = figures;
        keptOrder.Enqueue(step);
        if (keptOrder.Count > KeptSteps)
        {
            kept.Remove(keptOrder.Dequeue());
        }

        buildingStep = -1;
        building = new string?[Charts];
        built = 0;
    }

    // One figure of the run up to `step`: 0 the space-time diagram, 1 the leadership timeline, 2 the balances (null
    // without a bank), 3 what the clients saw (null when they keep no history).
    private string? Draw(int step, int chart)
    {
        var upTo = new ArraySegment<TraceEntry>(lines, 0, Math.Clamp(step + 1, 0, lines.Length));
        TimeSpan now = upTo.Count == 0 ? TimeSpan.Zero : upTo[^1].Time;
        switch (chart)
        {
            case 0:
                string at = now.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
                int hidden = showHeartbeats ? 0 : HeartbeatsUpTo(upTo.Count - 1);
                return Figure(Pictures.SpaceTime(upTo, new SpaceTimeOptions
                {
                    Hide = showHeartbeats ? [] : [nameof(Heartbeat), nameof(HeartbeatAck)],
                    Title = showHeartbeats || hidden == 0
                        ? $"Space-time diagram up to t={at} s: one lane per node, an arrow per message"
                        : $"Space-time diagram up to t={at} s: one lane per node, an arrow per message; {hidden.ToString(CultureInfo.InvariantCulture)} heartbeat{(hidden == 1 ? "" : "s")} hidden",
                }));
            case 1:
                return Figure(LeadershipTimeline.Draw(upTo, null, now));
            case 2 when bank:
                return Figure(BalanceChart.Draw(BankBalances.FromTrace(upTo, BankBalances.OpeningOf(run.Result)), now));
            case 2:
                return null;
            default:
                return History();
        }
    }

    // The figure of `chart`: without its template when that is the one of Template (SharedTemplate and the figure),
    // whole otherwise. The first template met becomes Template; a later chart's template is compared with it object
    // by object (FigureJson.SameTemplate), and written and compared as text only when they differ.
    private string Figure(GenericChart chart)
    {
        if (templateChart is null || !FigureJson.SameTemplate(chart, (GenericChart)templateChart))
        {
            string? text = FigureJson.TemplateOf(chart);
            if (text is null)
            {
                return FigureJson.Of(chart);
            }

            if (template is null)
            {
                template = text;
                templateChart = chart;
            }
            else if (!string.Equals(text, template, StringComparison.Ordinal))
            {
                return FigureJson.Of(chart);
            }
        }

        return SharedTemplate + FigureJson.WithoutTemplate(chart);
    }

    // What the clients saw (Pictures.History), checked once per run; null when they keep no history.
    private string? History()
    {
        if (!historyDrawn)
        {
            history = run.Result.History is null ? null : Figure(Pictures.History(run.Result));
            historyDrawn = true;
        }

        return history;
    }
}
