// Go's sort.SliceStable (insertion sort on blocks of 20, then SymMerge), ported step by step. Kratos sorts
// nodes with a comparator that is not a strict weak order (nodes of unrelated groups compare as equal), so
// only the very same algorithm yields the very same node order.

type Less = (i: number, j: number) => boolean;

export function sliceStable<T>(data: T[], less: (a: T, b: T) => boolean): void {
  const lessAt: Less = (i, j) => less(data[i] as T, data[j] as T);
  const swap = (i: number, j: number): void => {
    const t = data[i] as T;
    data[i] = data[j] as T;
    data[j] = t;
  };
  stable(lessAt, swap, data.length);
}

function stable(less: Less, swap: (i: number, j: number) => void, n: number): void {
  let blockSize = 20;
  let a = 0;
  let b = blockSize;
  while (b <= n) {
    insertionSort(less, swap, a, b);
    a = b;
    b += blockSize;
  }
  insertionSort(less, swap, a, n);
  while (blockSize < n) {
    a = 0;
    b = 2 * blockSize;
    while (b <= n) {
      symMerge(less, swap, a, a + blockSize, b);
      a = b;
      b += 2 * blockSize;
    }
    const m = a + blockSize;
    if (m < n) symMerge(less, swap, a, m, n);
    blockSize *= 2;
  }
}

function insertionSort(less: Less, swap: (i: number, j: number) => void, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && less(j, j - 1); j--) swap(j, j - 1);
  }
}

function symMerge(less: Less, swap: (i: number, j: number) => void, a: number, m: number, b: number): void {
  if (m - a === 1) {
    let i = m;
    let j = b;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (less(h, a)) i = h + 1;
      else j = h;
    }
    for (let k = a; k < i - 1; k++) swap(k, k + 1);
    return;
  }
  if (b - m === 1) {
    let i = a;
    let j = m;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (!less(m, h)) i = h + 1;
      else j = h;
    }
    for (let k = m; k > i; k--) swap(k, k - 1);
    return;
  }
  const mid = (a + b) >>> 1;
  const n = mid + m;
  let start: number;
  let r: number;
  if (m > mid) {
    start = n - b;
    r = mid;
  } else {
    start = a;
    r = m;
  }
  const p = n - 1;
  while (start < r) {
    const c = (start + r) >>> 1;
    if (!less(p - c, c)) start = c + 1;
    else r = c;
  }
  const end = n - start;
  if (start < m && m < end) rotate(swap, start, m, end);
  if (a < start && start < mid) symMerge(less, swap, a, start, mid);
  if (mid < end && end < b) symMerge(less, swap, mid, end, b);
}

function swapRange(swap: (i: number, j: number) => void, a: number, b: number, n: number): void {
  for (let i = 0; i < n; i++) swap(a + i, b + i);
}

function rotate(swap: (i: number, j: number) => void, a: number, m: number, b: number): void {
  let i = m - a;
  let j = b - m;
  while (i !== j) {
    if (i > j) {
      swapRange(swap, m - i, m, j);
      i -= j;
    } else {
      swapRange(swap, m - i, m + j - i, i);
      j -= i;
    }
  }
  swapRange(swap, m - i, m, i);
}
