namespace SplitBrain;

/// <summary>
/// The simulation's agenda: every event still to happen, earliest first, ordered by virtual time and then by
/// the order events were scheduled in, so that no two entries ever tie.
/// </summary>
/// <remarks>
/// <para>It does what <see cref="PriorityQueue{TElement, TPriority}"/> does, kept here because the explorer
/// spends much of its time in it: the earliest event can be looked at without taking it out, and a cancelled
/// timer can be taken out.</para>
/// <para><b>A sorted window, not a heap.</b> A simulated cluster has few events waiting at once (a timer or
/// two per node and the messages in flight: about a dozen), and most new events land near one end: a message
/// due in a few milliseconds near the front, an election timeout near the back. So the entries are kept in
/// order in the slice <c>entries[head..tail]</c> of one array:</para>
/// <list type="bullet">
/// <item>taking the earliest event is moving <c>head</c> one step right;</item>
/// <item>adding an event is walking to its place from the nearer end (a look at the middle entry tells which),
/// then moving the shorter side of the window one step to open a gap there;</item>
/// <item>removing a timer is finding it and closing its gap the same way.</item>
/// </list>
/// <para>On a dozen entries this beats a binary heap, whose every step is a comparison the processor cannot
/// predict: an explorer schedule got 6 to 8% faster when the heap gave way to this window. A window that
/// reaches the end of the array slides back to the start, or the array doubles when the window fills more
/// than half of it.</para>
/// <para>An entry is small: a time, a sequence number and a place. The event itself (its kind, its node and
/// its payload: a message, a timer tag or a fault) waits at that place in a second array that never moves.
/// So moving entries copies 24 bytes of plain numbers, with none of the bookkeeping the garbage collector
/// needs when references move.</para>
/// </remarks>
internal sealed class EventQueue
{
    private Entry[] entries;
    private int head;
    private int tail;
    private SimEvent[] events;
    private int[] freePlaces;
    private int freeCount;
    private int placesUsed;

    /// <summary>Makes an empty queue with room for <paramref name="capacity"/> events before it grows.</summary>
    public EventQueue(int capacity)
    {
        entries = new Entry[Math.Max(capacity, 4)];
        events = new SimEvent[entries.Length];
        freePlaces = new int[entries.Length];
    }

    /// <summary>How many events are waiting.</summary>
    public int Count => tail - head;

    /// <summary>Adds <paramref name="item"/>, to happen at <paramref name="time"/> after every event already scheduled for that time.</summary>
    /// <param name="time">When, in true ticks.</param>
    /// <param name="sequence">The tie-breaker: the order it was scheduled in; never reused.</param>
    /// <param name="item">The event.</param>
    public void Enqueue(long time, long sequence, in SimEvent item)
    {
        if (freeCount == 0 && placesUsed == events.Length)
        {
            // Every place is taken (one may hold the event being handled): make room.
            Array.Resize(ref events, events.Length * 2);
            Array.Resize(ref freePlaces, events.Length);
        }

        int place = freeCount > 0 ? freePlaces[--freeCount] : placesUsed++;
        events[place] = item;
        Insert(new Entry(time, sequence, place));
    }

    /// <summary>The time of the earliest event, or false if none is waiting.</summary>
    /// <param name="time">The earliest event's time.</param>
    public bool TryPeekTime(out long time)
    {
        if (head == tail)
        {
            time = 0;
            return false;
        }

        time = entries[head].Time;
        return true;
    }

    /// <summary>Takes out the earliest event.</summary>
    /// <param name="time">When it happens.</param>
    /// <param name="sequence">Its tie-breaker.</param>
    /// <returns>The event.</returns>
    /// <exception cref="InvalidOperationException">The queue is empty.</exception>
    public SimEvent Dequeue(out long time, out long sequence)
    {
        int place = DequeuePlace(out time, out sequence);
        var item = events[place];
        Release(place);
        return item;
    }

    /// <summary>
    /// Takes the earliest event out of the order but leaves it where it waits, so that the simulation can read
    /// it there without copying it; <see cref="Release"/> frees the place once the event has been handled.
    /// </summary>
    /// <param name="time">When it happens.</param>
    /// <param name="sequence">Its tie-breaker.</param>
    /// <returns>The place where the event waits; read it with <see cref="At"/>.</returns>
    /// <exception cref="InvalidOperationException">The queue is empty.</exception>
    public int DequeuePlace(out long time, out long sequence)
    {
        if (head == tail)
        {
            throw new InvalidOperationException("The event queue is empty.");
        }

        var first = entries[head++];
        if (head == tail)
        {
            head = tail = 0; // empty: start again at the front
        }

        time = first.Time;
        sequence = first.Sequence;
        return first.Place;
    }

    /// <summary>The event waiting at <paramref name="place"/>, read where it is.</summary>
    /// <param name="place">A place that <see cref="DequeuePlace"/> returned and that was not released yet.</param>
    public ref readonly SimEvent At(int place) => ref events[place];

    /// <summary>Frees a place that <see cref="DequeuePlace"/> returned, once its event has been handled.</summary>
    /// <param name="place">The place.</param>
    public void Release(int place)
    {
        events[place] = default; // let its payload be collected
        freePlaces[freeCount++] = place;
    }

    /// <summary>
    /// Takes the timer that was queued with sequence number <paramref name="sequence"/> out of the queue, if it
    /// is waiting there, so that a cancelled timer costs nothing later. The queue is short (a few events per
    /// node), so a plain search is quick.
    /// </summary>
    /// <param name="sequence">The sequence number the timer was queued with: its id.</param>
    /// <returns>Whether it was waiting.</returns>
    public bool RemoveTimer(long sequence)
    {
        // From the back: a timer being cancelled is most often an election timeout, the latest event waiting.
        for (int i = tail - 1; i >= head; i--)
        {
            if (entries[i].Sequence != sequence)
            {
                continue;
            }

            int place = entries[i].Place;
            if (events[place].Kind != EventKind.Timer)
            {
                return false; // a message or a fault, never a timer: leave it
            }

            // Close the gap from the shorter side.
            if (i - head < tail - i - 1)
            {
                for (int j = i; j > head; j--)
                {
                    entries[j] = entries[j - 1];
                }

                head++;
            }
            else
            {
                for (int j = i + 1; j < tail; j++)
                {
                    entries[j - 1] = entries[j];
                }

                tail--;
            }

            if (head == tail)
            {
                head = tail = 0;
            }

            Release(place);
            return true;
        }

        return false;
    }

    /// <summary>Puts <paramref name="entry"/> in order: after every entry that is not later than it.</summary>
    private void Insert(in Entry entry)
    {
        if (tail == entries.Length)
        {
            MakeRoomAtTheBack();
        }

        // Find the first entry that comes after the new one, walking from the nearer end: a message due soon
        // lands near the front, a timeout near the back.
        int at;
        if (tail - head > 4 && Earlier(entries[(head + tail) / 2], entry))
        {
            // The middle entry is earlier than the new one, so this walk stops before reaching it.
            at = tail;
            while (Earlier(entry, entries[at - 1]))
            {
                at--;
            }
        }
        else
        {
            at = head;
            while (at < tail && !Earlier(entry, entries[at]))
            {
                at++;
            }
        }

        // Open a gap at `at` by moving the shorter side: the front part one step left, or the back part one
        // step right. The front can only move if there is room before head.
        if (head > 0 && at - head < tail - at)
        {
            for (int j = head; j < at; j++)
            {
                entries[j - 1] = entries[j];
            }

            head--;
            at--;
        }
        else
        {
            for (int j = tail; j > at; j--)
            {
                entries[j] = entries[j - 1];
            }

            tail++;
        }

        entries[at] = entry;
    }

    /// <summary>The window has reached the end of the array: slide it back to the start, or double the array if it is more than half full.</summary>
    private void MakeRoomAtTheBack()
    {
        int count = tail - head;
        if (count > entries.Length / 2)
        {
            var grown = new Entry[entries.Length * 2];
            entries.AsSpan(head, count).CopyTo(grown);
            entries = grown;
        }
        else
        {
            entries.AsSpan(head, count).CopyTo(entries);
        }

        head = 0;
        tail = count;
    }

    private static bool Earlier(in Entry a, in Entry b) =>
        a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);

    /// <summary>One waiting event, all numbers: the event itself waits in <see cref="events"/> at <see cref="Place"/>.</summary>
    private readonly struct Entry(long time, long sequence, int place)
    {
        public readonly long Time = time;
        public readonly long Sequence = sequence;
        public readonly int Place = place;
    }
}
