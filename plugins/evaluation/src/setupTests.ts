import '@testing-library/jest-dom';

// recharts' ResponsiveContainer measures its box; jsdom has no layout.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= ResizeObserverStub;
