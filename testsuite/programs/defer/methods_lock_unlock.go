package main

import "fmt"

type Mutex struct {
	locked bool
	locks  int
}

func (m *Mutex) Lock() {
	if m.locked {
		panic("double lock")
	}
	m.locked = true
	m.locks++
}

func (m *Mutex) Unlock() {
	if !m.locked {
		panic("unlock of unlocked mutex")
	}
	m.locked = false
}

type Counter struct {
	mu    Mutex
	count int
	hist  []int
}

func (c *Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.count++
	c.hist = append(c.hist, c.count)
}

func (c *Counter) Get() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.count
}

func (c *Counter) AddChecked(n int) (err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("AddChecked(%d): %v", n, r)
		}
	}()
	if n < 0 {
		panic("negative increment")
	}
	c.count += n
	return nil
}

func (c Counter) Snapshot() int {
	defer c.mu.Lock() // locks the copy only
	return c.count
}

func main() {
	var c Counter
	for range 10 {
		c.Inc()
	}
	got := c.Get()
	fmt.Println(got, c.mu.locked, c.mu.locks)
	fmt.Println(c.AddChecked(5), c.Get())
	err := c.AddChecked(-1)
	got = c.Get()
	fmt.Println(err, got, c.mu.locked)
	snap := c.Snapshot()
	fmt.Println(snap, c.mu.locked)
	fmt.Println(c.hist)
	fmt.Println("locks taken:", c.mu.locks)
	c.mu.Lock()
	defer fmt.Println("this deferred print runs during the panic")
	c.Inc()
}
