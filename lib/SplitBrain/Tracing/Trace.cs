using System.Collections;
using System.Security.Cryptography;
using System.Text;

namespace SplitBrain;

/// <summary>
/// The record of everything that happened in a run, in the order it happened: sends, deliveries, drops,
/// timers, pauses, crashes, partitions, elections, grants, and writes accepted or refused.
/// </summary>
/// <remarks>
/// Two runs are the same run exactly when their canonical texts are equal; <see cref="Hash"/> is the
/// SHA-256 of that text, short enough to compare by eye or to paste into a bug report.
/// Recording a line costs no allocation of its own: lines are kept as 32-byte structs in blocks of 4,096
/// (the first block starts at 16 lines and grows, for short runs), and a line's text is made only when asked for.
/// </remarks>
public sealed class Trace : IReadOnlyList<TraceEntry>
{
    private readonly Func<int, NodeId> nodeAt;
    private const int BlockSize = 4096;
    private readonly List<Line[]> blocks = [new Line[16]];
    private readonly List<int> protocolLines = new(16);
    private int count;
    private System.Collections.ObjectModel.ReadOnlyCollection<TraceEntry>? protocolEntries;

    internal Trace(Func<int, NodeId> nodeAt) => this.nodeAt = nodeAt;

    /// <summary>Every line recorded so far, oldest first.</summary>
    public IReadOnlyList<TraceEntry> Entries => this;

    /// <summary>
    /// Whether network traffic and timers (sends, deliveries, drops, duplicates, timer fires) are recorded.
    /// True by default. The explorer turns it off: the checkers read only <see cref="Protocol"/>, and the run
    /// itself is the same run either way, with about half the trace lines left out.
    /// </summary>
    public bool RecordsTraffic { get; set; } = true;

    /// <summary>
    /// The lines that are not network traffic or timers: faults, elections, grants, writes, acknowledgements,
    /// notes. Checkers read these; in a typical run they are a few dozen of a thousand lines.
    /// </summary>
    /// <remarks>The lines recorded so far, as they stand when you ask: after running further, ask again.</remarks>
    public IReadOnlyList<TraceEntry> Protocol
    {
        get
        {
            // Every checker reads the protocol lines once a run is over: build them once, not once per checker.
            if (protocolEntries is null || protocolEntries.Count != protocolLines.Count)
            {
                var entries = new TraceEntry[protocolLines.Count];
                for (int i = 0; i < entries.Length; i++)
                {
                    entries[i] = this[protocolLines[i]];
                }

                protocolEntries = Array.AsReadOnly(entries);
            }

            return protocolEntries;
        }
    }

    /// <summary>How many lines were recorded.</summary>
    public int Count => count;

    /// <summary>The line at <paramref name="index"/>, from 0 for the oldest.</summary>
    /// <param name="index">Which line; from 0 to <see cref="Count"/> - 1.</param>
    public TraceEntry this[int index]
    {
        get
        {
            if ((uint)index >= (uint)count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The trace has {count} lines.");
            }

            ref readonly Line line = ref blocks[index / BlockSize][index % BlockSize];
            return new TraceEntry(
                TimeSpan.FromTicks(line.Ticks),
                line.Kind,
                line.Node < 0 ? null : nodeAt(line.Node),
                line.Peer < 0 ? null : nodeAt(line.Peer),
                line.Detail);
        }
    }

    /// <summary>The lines of one kind, oldest first.</summary>
    /// <param name="kind">The kind to keep.</param>
    public IEnumerable<TraceEntry> OfKind(TraceKind kind) => this.Where(e => e.Kind == kind);

    /// <summary>The canonical text: one line per entry, each ending in a line feed.</summary>
    public string ToCanonicalText()
    {
        var text = new StringBuilder(count * 48);
        foreach (var entry in this)
        {
            text.Append(entry.ToString()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The SHA-256 of <see cref="ToCanonicalText"/>, as 64 lowercase hex digits.</summary>
    public string Hash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in this)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(entry.ToString() + "\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Forgets every line, keeping the memory for the next run.</summary>
    public void Clear()
    {
        count = 0;
        protocolLines.Clear();
        protocolEntries = null;
    }

    /// <summary>Walks the lines, oldest first.</summary>
    public IEnumerator<TraceEntry> GetEnumerator()
    {
        for (int i = 0; i < count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(long ticks, TraceKind kind, int node, int peer, object? detail)
    {
        // Most calls are traffic; when it is not recorded, this small check is all they cost.
        if (RecordsTraffic || !IsTraffic(kind))
        {
            AddLine(ticks, kind, node, peer, detail);
        }
    }

    private void AddLine(long ticks, TraceKind kind, int node, int peer, object? detail)
    {
        int block = count / BlockSize;
        int offset = count % BlockSize;
        if (block == blocks.Count)
        {
            blocks.Add(new Line[BlockSize]);
        }
        else if (offset == blocks[block].Length)
        {
            // Only the first block grows: 16, 32, ... up to a full block.
            var grown = blocks[block];
            Array.Resize(ref grown, grown.Length * 2);
            blocks[block] = grown;
        }

        blocks[block][offset] = new Line(ticks, detail, node, peer, kind);
        if (!IsTraffic(kind))
        {
            protocolLines.Add(count);
        }

        count++;
    }

    private static bool IsTraffic(TraceKind kind) =>
        kind is TraceKind.Send or TraceKind.Deliver or TraceKind.Drop or TraceKind.Duplicate or TraceKind.Timer;

    /// <summary>One line as stored: 32 bytes, node names looked up only when the line is read.</summary>
    private readonly record struct Line(long Ticks, object? Detail, int Node, int Peer, TraceKind Kind);
}
