namespace LocalGov.Boundaries.Resolving;

/// <summary>An append-only buffer that hands over its exact-length array at the end (a List without per-item overhead).</summary>
internal sealed class GrowableArray<T>(int capacity)
    where T : unmanaged
{
    private T[] _items = new T[Math.Max(capacity, 16)];

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, checked(_items.Length * 2));
        }

        _items[Count++] = item;
    }

    public T this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    /// <summary>Drops the items from <paramref name="count"/> on.</summary>
    public void Truncate(int count) => Count = Math.Clamp(count, 0, Count);

    public T[] ToArray() => _items.AsSpan(0, Count).ToArray();
}
