// The bench of src/bin/bench.rs written with tdl (Node): requests per
// second through TDLib's testSquareInt, each of THREADS concurrent loops
// awaiting one request at a time. `node bench.js [THREADS] [REQUESTS]`;
// compare.sh installs tdl into target/tdl and runs both.
'use strict'
const path = require('node:path')

const root = path.resolve(__dirname, '../..')
let tdl
try {
  tdl = require(path.join(root, 'target/tdl/node_modules/tdl'))
} catch (error) {
  console.error(`tdl is not installed in target/tdl: run examples/tdlib-client/compare.sh (${error.message})`)
  process.exit(1)
}

const threads = Number(process.argv[2] ?? 1)
const requests = Number(process.argv[3] ?? 100000)

tdl.configure({
  tdjson: process.env.TL_TDJSON ??
    path.join(root, 'target/tdlib/node_modules/@prebuilt-tdlib/linux-x64-glibc/libtdjson.so'),
  verbosityLevel: 0
})

// A client without tdl's login handling, as ours sends no setTdlibParameters.
const client = tdl.createBareClient()

async function square (first, count) {
  let wrong = 0
  for (let n = first; n < first + count; n++) {
    const x = n % 46341
    const answer = await client.invoke({ _: 'testSquareInt', x })
    if (answer._ !== 'testInt' || answer.value !== x * x) wrong++
  }
  return wrong
}

async function main () {
  await square(0, 1000)
  const each = Math.floor(requests / threads)
  const start = process.hrtime.bigint()
  const loops = []
  for (let t = 0; t < threads; t++) loops.push(square(t * each, each))
  const wrong = (await Promise.all(loops)).reduce((a, b) => a + b, 0)
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const total = each * threads
  await client.close()
  if (wrong > 0) throw new Error(`${wrong} wrong answers`)
  console.log(`tdl: ${threads} concurrent loop(s), ${total} requests in ${seconds.toFixed(2)} s: ${(total / seconds).toFixed(0)} requests/s`)
}

main().catch(error => {
  console.error(error)
  process.exit(1)
})
