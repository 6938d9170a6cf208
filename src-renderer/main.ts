import { mount } from 'svelte';
import '@fontsource/vazirmatn/400.css';
import '@fontsource/vazirmatn/600.css';
import './ui/styles/base.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target });
