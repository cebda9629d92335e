// Loaded first in a stand-in utility process: gives the child Electron's process.parentPort
// (messages arrive as { data, ports }) and takes away Node's process.send, which a utility
// process does not have. The child ends when the app does, as Electron ends it.
import { EventEmitter } from 'node:events';

const send = process.send.bind(process);
const parentPort = new EventEmitter();
parentPort.postMessage = (message) => send(message);
parentPort.start = () => {};
process.on('message', (message) => parentPort.emit('message', { data: message, ports: [] }));
process.parentPort = parentPort;
process.send = undefined;
process.once('disconnect', () => process.exit(0));
