/** Preload (sandboxed): exposes the allow-listed, typed contract as `window.api`. */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridgeApi } from './bridge-api.ts';

contextBridge.exposeInMainWorld('api', createBridgeApi(ipcRenderer));
