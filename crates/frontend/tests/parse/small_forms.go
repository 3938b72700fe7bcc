package p

func a() {}
func b() { return }
func c() (x int) { x = 1; return }
func d(x int) {
	if x > 0 { return } else { return }
}

type T struct{}

func (t T) M() {}
func (t *T) N() {}
func (_ T) O()  {}
func (T) P()    {}

var v = T{}
var fs = []func(){a, b}
var fs2 = []func() int{func() int { return 1 }}
var m = map[string]func(int) int{}

func e() {
	for _, f := range []func(){a, b} {
		f()
	}
	v.M()
	(&v).N()
	T.M(v)
	(*T).N(&v)
	var t T
	t.M()
}
