namespace Course.Exercises.Graded;

/// <summary>
/// Every interleaving of a few requests that share one <see cref="ITokenRegister"/>, each tried once, in the same
/// order every time. Real threads meet the race only when the operating system happens to switch at the wrong
/// moment; here the test chooses the moment. Each request runs on its own thread, but only one runs at a time:
/// before every register call it stops and waits for its turn, and the test lets exactly one request make its
/// next call. A depth-first search over those choices tries every order of the requests' register calls
/// (interleavings that differ only in what the requests do between calls are the same interleaving).
/// </summary>
internal static class Interleavings
{
    /// <summary>The most register calls one request may make before it counts as stuck in a loop.</summary>
    public const int MaxCallsPerRequest = 64;

    /// <summary>The most interleavings one search tries.</summary>
    public const int MaxSchedules = 5_000;

    /// <summary>How long the test waits for a request to reach its next register call: only a request blocked on something else (a lock) takes this long.</summary>
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(30);

    /// <summary>One interleaving that was tried: its number, the calls in the order they ran, and what each request got.</summary>
    /// <param name="Number">1 for the first interleaving tried, and so on; the same number is the same interleaving every time.</param>
    /// <param name="Calls">The register calls in order, like <c>request 1: Read() = 10</c>.</param>
    /// <param name="Tokens">The tokens each request got, in the order it got them.</param>
    /// <param name="Error">What went wrong inside a request (an exception, too many calls), or null.</param>
    public sealed record Schedule(int Number, IReadOnlyList<string> Calls, IReadOnlyList<long>[] Tokens, string? Error)
    {
        /// <summary>The calls, one line each, for a failure message.</summary>
        public string Story => string.Join("; ", Calls);
    }

    /// <summary>
    /// Runs <paramref name="requests"/> requests, each calling <paramref name="issue"/> <paramref name="tokensEach"/>
    /// times on its own issuer, in every interleaving of their register calls, and hands each finished schedule to
    /// <paramref name="check"/>, which throws to stop the search.
    /// </summary>
    /// <param name="initial">The register's value before the requests.</param>
    /// <param name="requests">How many requests run at once.</param>
    /// <param name="tokensEach">How many tokens each request asks for, one after the other.</param>
    /// <param name="issuerFor">Makes one request's issuer over the register; the function it returns issues one token.</param>
    /// <param name="check">Looks at one finished interleaving.</param>
    /// <returns>How many interleavings were tried.</returns>
    public static int Explore(long initial, int requests, int tokensEach, Func<ITokenRegister, Func<long>> issuerFor, Action<Schedule> check)
    {
        var prefix = new List<int>();
        int tried = 0;
        while (tried < MaxSchedules)
        {
            tried++;
            var run = new Run(initial, requests, tokensEach, issuerFor);
            var (schedule, choices) = run.Play(tried, prefix);
            check(schedule);

            // Next interleaving: the deepest choice that still has an untried alternative.
            prefix.Clear();
            int depth = choices.Count - 1;
            while (depth >= 0 && choices[depth].Taken + 1 >= choices[depth].Options)
            {
                depth--;
            }

            if (depth < 0)
            {
                return tried;
            }

            for (int i = 0; i < depth; i++)
            {
                prefix.Add(choices[i].Taken);
            }

            prefix.Add(choices[depth].Taken + 1);
        }

        return tried;
    }

    /// <summary>One run of the requests under one interleaving.</summary>
    private sealed class Run : ITokenRegister
    {
        private readonly ThreadLocal<Request?> current = new();
        private readonly Request[] requests;
        private readonly SemaphoreSlim parked = new(0);
        private readonly List<string> calls = [];
        private long value;
        private bool abandoned;

        public Run(long initial, int count, int tokensEach, Func<ITokenRegister, Func<long>> issuerFor)
        {
            value = initial;
            requests = new Request[count];
            for (int i = 0; i < count; i++)
            {
                requests[i] = new Request(this, i + 1, tokensEach, issuerFor);
            }
        }

        public (Schedule Schedule, List<(int Taken, int Options)> Choices) Play(int number, IReadOnlyList<int> prefix)
        {
            var choices = new List<(int Taken, int Options)>();
            string? error = null;
            foreach (var request in requests)
            {
                request.Thread.Start();
                error ??= WaitForPark(request);
            }

            while (error is null)
            {
                var ready = requests.Where(r => !r.Finished).ToArray();
                if (ready.Length == 0)
                {
                    break;
                }

                int pick = 0;
                if (ready.Length > 1)
                {
                    pick = choices.Count < prefix.Count ? prefix[choices.Count] : 0;
                    choices.Add((pick, ready.Length));
                }

                var next = ready[pick];
                next.Turn.Release();
                error = WaitForPark(next);
            }

            if (error is not null)
            {
                Abandon();
            }

            error ??= requests.Select(r => r.Error).FirstOrDefault(e => e is not null);
            return (new Schedule(number, calls.ToArray(), requests.Select(r => (IReadOnlyList<long>)r.Tokens).ToArray(), error), choices);
        }

        public long Read() => Call("Read()", () => value, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public void Write(long value) => Call($"Write({value})", () => { this.value = value; return true; }, _ => "done");

        public bool CompareAndSwap(long expected, long replacement) =>
            Call($"CompareAndSwap({expected}, {replacement})", () =>
            {
                if (value != expected)
                {
                    return false;
                }

                value = replacement;
                return true;
            }, ok => ok ? "true" : "false");

        private T Call<T>(string what, Func<T> operation, Func<T, string> show)
        {
            if (current.Value is not { } request)
            {
                return operation(); // a thread the learner's code started itself: no turn to wait for
            }

            if (abandoned)
            {
                throw new OperationCanceledException("This interleaving was abandoned.");
            }

            request.Calls++;
            if (request.Calls > MaxCallsPerRequest)
            {
                throw new TooManyCallsException($"request {request.Number} made more than {MaxCallsPerRequest} register calls for {request.TokensWanted} token(s): it retries without making progress (after a failed CompareAndSwap, read the register again)");
            }

            parked.Release();
            request.Turn.Wait();
            if (abandoned)
            {
                throw new OperationCanceledException("This interleaving was abandoned.");
            }

            T result = operation();
            calls.Add($"request {request.Number}: {what} = {show(result)}");
            return result;
        }

        private string? WaitForPark(Request request)
        {
            if (!parked.Wait(Stuck))
            {
                return $"request {request.Number} neither finished nor reached its next register call: it waits for something else, such as a lock (a lock in one process does not stop another machine that shares the register)";
            }

            return null;
        }

        private void Abandon()
        {
            abandoned = true;
            foreach (var request in requests)
            {
                request.Turn.Release();
            }
        }

        private sealed class Request
        {
            private bool finished;

            public Request(Run run, int number, int tokensWanted, Func<ITokenRegister, Func<long>> issuerFor)
            {
                Number = number;
                TokensWanted = tokensWanted;
                Thread = new Thread(() =>
                {
                    run.current.Value = this;
                    try
                    {
                        var issue = issuerFor(run);
                        for (int i = 0; i < tokensWanted; i++)
                        {
                            Tokens.Add(issue());
                        }
                    }
                    catch (OperationCanceledException) when (run.abandoned)
                    {
                        // The test gave up on this interleaving.
                    }
                    catch (Exception thrown)
                    {
                        Error = thrown is TooManyCallsException ? thrown.Message : $"request {number} threw {thrown.GetType().Name}: {thrown.Message}";
                    }

                    Finished = true;
                    run.parked.Release();
                })
                { IsBackground = true, Name = $"request {number}" };
            }

            public int Number { get; }

            public int TokensWanted { get; }

            public Thread Thread { get; }

            public SemaphoreSlim Turn { get; } = new(0);

            public List<long> Tokens { get; } = [];

            public int Calls { get; set; }

            public bool Finished { get => Volatile.Read(ref finished); private set => Volatile.Write(ref finished, value); }

            public string? Error { get; private set; }

        }

        private sealed class TooManyCallsException(string message) : Exception(message);
    }
}
